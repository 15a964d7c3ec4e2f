import type { ShortcutGroup } from '../../../app/help/shortcuts.store';

/** The editor's shortcuts as the help dialog lists them; useEditorShortcuts handles the keys. */
export const EDITOR_SHORTCUTS: ShortcutGroup = {
  id: 'editor',
  titleKey: 'editor:shortcuts.title',
  shortcuts: [
    { keys: 'Mod+Z', labelKey: 'editor:shortcuts.undo' },
    { keys: 'Mod+Shift+Z', labelKey: 'editor:shortcuts.redo' },
    { keys: 'Mod+Y', labelKey: 'editor:shortcuts.redo' },
    { keys: 'Mod+C', labelKey: 'editor:shortcuts.copy' },
    { keys: 'Mod+V', labelKey: 'editor:shortcuts.paste' },
    { keys: 'Delete', labelKey: 'editor:shortcuts.delete' },
    { keys: 'Backspace', labelKey: 'editor:shortcuts.delete' },
    { keys: 'Mod+A', labelKey: 'editor:shortcuts.selectAll' },
    { keys: 'Shift+Click', labelKey: 'editor:shortcuts.multiSelect' },
    { keys: 'Shift+Drag', labelKey: 'editor:shortcuts.boxSelect' },
    { keys: 'Escape', labelKey: 'editor:shortcuts.deselect' },
    { keys: 'Arrow keys', labelKey: 'editor:shortcuts.move' },
    { keys: 'Shift+L', labelKey: 'editor:shortcuts.layout' },
    { keys: 'Shift+1', labelKey: 'editor:shortcuts.fitView' },
  ],
};
