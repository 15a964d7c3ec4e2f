import { useEffect } from 'react';
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
  onShowHelp: () => void;
}

/**
 * Keyboard shortcuts of the editor, on the whole page while it is open:
 * undo/redo, delete, select all, copy/paste (through the clipboard events, so
 * no clipboard permission is needed), auto-layout, fit view and help.
 * Keys typed into a field are left to the field.
 */
export function useEditorShortcuts({ onFitView, onShowHelp }: ShortcutHandlers): void {
  const store = useEditorStoreApi();
  const { copyText, pasteText } = useClipboardActions();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const state = store.getState();
      const key = event.key.toLowerCase();
      const command = event.ctrlKey || event.metaKey;

      const handled = (() => {
        if (command && key === 'z' && !event.shiftKey) return (state.undo(), true);
        if (command && ((key === 'z' && event.shiftKey) || key === 'y'))
          return (state.redo(), true);
        if (command && key === 'a') return (state.selectAll(), true);
        if (command || event.altKey) return false;
        if (key === 'delete' || key === 'backspace') {
          state.deleteElements({ nodeIds: state.selectedNodeIds, edgeIds: state.selectedEdgeIds });
          return true;
        }
        if (key === 'escape') return (state.setSelection({}), true);
        if (event.shiftKey && key === 'l') return (state.autoLayout(), true);
        if (event.shiftKey && event.code === 'Digit1') return (onFitView(), true);
        if (event.key === '?') return (onShowHelp(), true);
        return false;
      })();
      if (handled) event.preventDefault();
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
  }, [store, copyText, pasteText, onFitView, onShowHelp]);
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}
