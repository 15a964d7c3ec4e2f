import { useEffect } from 'react';
import type { EditorState } from '../store/editor-state.types';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { useClipboardActions } from './useClipboardActions';

/** Whether a key event comes from a place that takes typing (inputs, editors, dialogs). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (
    target.closest('input, textarea, select, [role="dialog"], [role="listbox"], [role="combobox"]')
  )
    return true;
  return false;
}

export interface ShortcutHandlers {
  onFitView: () => void;
}

/**
 * Keyboard shortcuts of the editor, on the whole page while it is open:
 * undo/redo, delete, select all, copy/paste (through the clipboard events, so
 * no clipboard permission is needed), auto-layout and fit view. The shell
 * opens the help dialog on `?`.
 * Keys typed into a field are left to the field.
 */
export function useEditorShortcuts({ onFitView }: ShortcutHandlers): void {
  const store = useEditorStoreApi();
  const { copyText, pasteText } = useClipboardActions();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const state = store.getState();
      const action = shortcutAction(event, state, onFitView);
      if (!action) return;
      event.preventDefault();
      action();
    }

    function onCopy(event: ClipboardEvent) {
      if (isTypingTarget(event.target) || hasTextSelection()) return;
      const text = copyText();
      if (text === null) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    }

    function onPaste(event: ClipboardEvent) {
      if (isTypingTarget(event.target)) return;
      pasteText(event.clipboardData?.getData('text/plain'));
      event.preventDefault();
    }

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, copyText, pasteText, onFitView]);
}

/** The action a key press stands for in the editor, or undefined when it is not a shortcut. */
function shortcutAction(
  event: KeyboardEvent,
  state: EditorState,
  onFitView: () => void,
): (() => void) | undefined {
  const key = event.key.toLowerCase();
  const command = event.ctrlKey || event.metaKey;

  if (command && key === 'z') return event.shiftKey ? state.redo : state.undo;
  if (command && key === 'y') return state.redo;
  if (command && key === 'a') return state.selectAll;
  if (command || event.altKey) return undefined;

  if (key === 'delete' || key === 'backspace') {
    return () =>
      state.deleteElements({ nodeIds: state.selectedNodeIds, edgeIds: state.selectedEdgeIds });
  }
  if (key === 'escape') return () => state.setSelection({});
  if (event.shiftKey && key === 'l') return state.autoLayout;
  if (event.shiftKey && event.code === 'Digit1') return onFitView;
  return undefined;
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}
