import type { ShortcutGroup } from './shortcuts.store';

/** Shortcuts of the shell, listed on every screen. */
export const SHELL_SHORTCUTS: ShortcutGroup = {
  id: 'shell',
  titleKey: 'common:shortcuts.shellTitle',
  shortcuts: [
    { keys: 'Shift+?', labelKey: 'common:shortcuts.openHelp' },
    { keys: 'Tab', labelKey: 'common:shortcuts.nextControl' },
    { keys: 'Shift+Tab', labelKey: 'common:shortcuts.previousControl' },
    { keys: 'Escape', labelKey: 'common:shortcuts.closeDialog' },
  ],
};
