import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  CLIPBOARD_STORAGE_KEY,
  createClipboardPayload,
  parseClipboardPayload,
  type ClipboardPayload,
} from '../model/clipboard-payload';
import { useEditorStoreApi } from '../store/EditorStoreContext';

function readStoredPayload(): ClipboardPayload | null {
  try {
    return parseClipboardPayload(localStorage.getItem(CLIPBOARD_STORAGE_KEY));
  } catch {
    return null;
  }
}

function storePayload(text: string): void {
  try {
    localStorage.setItem(CLIPBOARD_STORAGE_KEY, text);
  } catch {
    // Storage full or disabled: the system clipboard still has the payload.
  }
}

/**
 * Copy and paste of selected nodes. The payload goes to the system clipboard
 * and to localStorage, so paste works in another flow and in browsers that
 * deny clipboard access; clipboard text that is not a payload falls back to
 * the stored one.
 */
export function useClipboardActions() {
  const store = useEditorStoreApi();
  const { t } = useTranslation('editor');

  /** The selection as clipboard text, or null when nothing is selected. */
  const copyText = useCallback((): string | null => {
    const { document, selectedNodeIds } = store.getState();
    const payload = createClipboardPayload(document, selectedNodeIds);
    if (!payload) return null;

    const text = JSON.stringify(payload);
    storePayload(text);
    notifications.show({
      message: t('canvas.copied', { count: payload.nodes.length }),
      autoClose: 1500,
    });
    return text;
  }, [store, t]);

  const pasteText = useCallback(
    (text: string | null | undefined) => {
      const payload = parseClipboardPayload(text) ?? readStoredPayload();
      if (!payload) {
        notifications.show({
          message: t('canvas.nothingToPaste'),
          color: 'yellow',
          autoClose: 2500,
        });
        return;
      }
      const ids = store.getState().pastePayload(payload);
      if (ids.length > 0) {
        notifications.show({ message: t('canvas.pasted', { count: ids.length }), autoClose: 1500 });
      }
    },
    [store, t],
  );

  /** Copy from a toolbar button, where no copy event carries clipboard data. */
  const copySelection = useCallback(() => {
    const text = copyText();
    if (text === null) return;
    navigator.clipboard?.writeText(text).catch(() => {
      // Permission denied: the localStorage copy is enough for pasting here.
    });
  }, [copyText]);

  /** Paste from a toolbar button: the system clipboard when readable, else the stored payload. */
  const pasteFromClipboard = useCallback(async () => {
    let text: string | null = null;
    try {
      text = (await navigator.clipboard?.readText()) ?? null;
    } catch {
      text = null;
    }
    pasteText(text);
  }, [pasteText]);

  return { copyText, pasteText, copySelection, pasteFromClipboard };
}
