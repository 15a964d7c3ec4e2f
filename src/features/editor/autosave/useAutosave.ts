import { useCallback, useEffect, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { saveFlowDocument } from '../../flows/flow-repository';
import type { FlowRecord } from '../../../storage/records';
import type { EditorStore } from '../store/editor.store';
import { AutosaveController, type AutosaveStatus } from './autosave.controller';

/**
 * Autosave of the editor store through the flow repository: every document
 * change is saved within a second, pending edits are flushed when the page is
 * hidden or closed, and changes stored by other tabs reach the controller,
 * which takes them over or reports a conflict.
 */
export function useAutosave(
  store: EditorStore,
  initial: FlowRecord,
  stored: FlowRecord | undefined,
) {
  const { t } = useTranslation('editor');
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'saved' });
  const controllerRef = useRef<AutosaveController<FlowRecord> | null>(null);

  if (controllerRef.current === null) {
    controllerRef.current = new AutosaveController<FlowRecord>(initial, {
      save: saveFlowDocument,
      onStatus: setStatus,
      onRemoteDocument: (record) => {
        store.getState().loadDocument(record.document);
        notifications.show({ message: t('conflict.remoteUpdated'), autoClose: 3000 });
      },
    });
  }
  const controller = controllerRef.current;

  useEffect(() => {
    // A document repaired on load (dangling edges dropped) is saved at once.
    controller.notifyChange(store.getState().document);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.document !== previous.document) controller.notifyChange(state.document);
    });

    const flush = () => void controller.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      void controller.flush().finally(() => controller.dispose());
    };
  }, [controller, store]);

  useEffect(() => {
    if (stored) controller.observeStored(stored);
  }, [controller, stored]);

  const keepMine = useCallback(() => void controller.keepMine(), [controller]);
  const takeTheirs = useCallback(() => controller.takeTheirs(), [controller]);
  const retry = useCallback(() => void controller.retry(), [controller]);
  const flush = useCallback(() => controller.flush(), [controller]);

  return { status, keepMine, takeTheirs, retry, flush };
}
