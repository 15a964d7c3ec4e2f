/**
 * Keyboard shortcuts the help dialog lists. A screen registers its shortcuts
 * while it is mounted with `useKeyboardShortcuts`; the shell's own are always
 * listed. The screen still handles the keys itself: this store only lists
 * them and opens the dialog.
 */
import { create } from 'zustand';

export interface ShortcutEntry {
  /** Key combination as `KeyboardEvent.key` names joined by `+`, e.g. `Mod+Z` (Mod is Ctrl, or ⌘ on a Mac). */
  keys: string;
  /** i18next key of the description, with its namespace, e.g. `editor:shortcuts.undo`. */
  labelKey: string;
}

export interface ShortcutGroup {
  id: string;
  /** i18next key of the group heading, e.g. `editor:shortcuts.title`. */
  titleKey: string;
  shortcuts: ShortcutEntry[];
}

interface ShortcutsState {
  groups: ShortcutGroup[];
  dialogOpen: boolean;
  registerGroup: (group: ShortcutGroup) => () => void;
  openDialog: () => void;
  closeDialog: () => void;
}

export const useShortcutsStore = create<ShortcutsState>()((set) => ({
  groups: [],
  dialogOpen: false,

  registerGroup: (group) => {
    set((state) => ({ groups: [...state.groups.filter((g) => g.id !== group.id), group] }));
    return () => set((state) => ({ groups: state.groups.filter((g) => g.id !== group.id) }));
  },

  openDialog: () => set({ dialogOpen: true }),
  closeDialog: () => set({ dialogOpen: false }),
}));

/** Opens the keyboard-shortcuts dialog, e.g. when the editor sees `?`. */
export function openShortcutsDialog(): void {
  useShortcutsStore.getState().openDialog();
}
