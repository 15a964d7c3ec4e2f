import { useEffect } from 'react';
import { useShortcutsStore, type ShortcutGroup } from './shortcuts.store';

/**
 * Lists `group` in the keyboard-shortcuts dialog while the calling component
 * is mounted. Pass a stable object (a module constant or `useMemo`).
 */
export function useKeyboardShortcuts(group: ShortcutGroup): void {
  const registerGroup = useShortcutsStore((state) => state.registerGroup);
  useEffect(() => registerGroup(group), [registerGroup, group]);
}
