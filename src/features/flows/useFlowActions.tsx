import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../app/download-file';
import { notifyFailure } from '../../app/notifications';
import { getDatabase } from '../../storage/db';
import type { FlowRecord } from '../../storage/records';
import { validateFlowDocument } from '../editor/problems/flow-validation';
import { toEngineRep } from '../simulation/ui/useSimulationInputs';
import { flowFileName, readFlowFile, writeFlowFile, type FlowFileResult } from './flow-file';
import {
  addFlowDocument,
  createFlow,
  deleteFlow,
  duplicateFlow,
  renameFlow,
  restoreDeletedFlow,
} from './flow-repository';

export type FlowImportOutcome =
  | {
      status: 'imported';
      flow: FlowRecord;
      result: Extract<FlowFileResult, { ok: true }>;
      /** Errors and warnings the validator reports on the imported flow. */
      problems: { errors: number; warnings: number };
    }
  | { status: 'rejected'; fileName: string; result: Extract<FlowFileResult, { ok: false }> };

/** The flows list's actions, each reporting failures to the user. */
export function useFlowActions() {
  const { t } = useTranslation('flows');

  const create = useCallback(
    async (name: string) => {
      try {
        return await createFlow(name);
      } catch (error) {
        notifyFailure(t, 'flows:failures.create', error);
        return undefined;
      }
    },
    [t],
  );

  const rename = useCallback(
    async (flowId: string, name: string) => {
      try {
        await renameFlow(flowId, name);
      } catch (error) {
        notifyFailure(t, 'flows:failures.rename', error);
      }
    },
    [t],
  );

  const duplicate = useCallback(
    async (flowId: string, name: string) => {
      try {
        return await duplicateFlow(flowId, name);
      } catch (error) {
        notifyFailure(t, 'flows:failures.duplicate', error);
        return undefined;
      }
    },
    [t],
  );

  const remove = useCallback(
    async (flow: FlowRecord) => {
      try {
        const deleted = await deleteFlow(flow.id);
        if (!deleted) return;

        const notificationId = `deleted-${flow.id}`;
        const undo = async () => {
          notifications.hide(notificationId);
          try {
            await restoreDeletedFlow(deleted);
          } catch (error) {
            notifyFailure(t, 'flows:failures.restore', error);
          }
        };
        notifications.show({
          id: notificationId,
          autoClose: 10_000,
          message: (
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{t('delete.done', { name: flow.name })}</Text>
              <Button size="xs" variant="light" onClick={() => void undo()}>
                {t('delete.undo')}
              </Button>
            </Group>
          ),
        });
      } catch (error) {
        notifyFailure(t, 'flows:failures.delete', error);
      }
    },
    [t],
  );

  const exportFile = useCallback((flow: FlowRecord) => {
    downloadFile(flowFileName(flow.name), [writeFlowFile(flow.document)]);
  }, []);

  const importFile = useCallback(
    async (file: File): Promise<FlowImportOutcome | undefined> => {
      const result = readFlowFile(await file.text());
      if (!result.ok) return { status: 'rejected', fileName: file.name, result };

      try {
        const flow = await addFlowDocument(result.document);
        const reps = await getDatabase().reps.toArray();
        const problems = validateFlowDocument(flow.document, reps.map(toEngineRep));
        const errors = problems.filter((problem) => problem.severity === 'error').length;
        return {
          status: 'imported',
          flow,
          result,
          problems: { errors, warnings: problems.length - errors },
        };
      } catch (error) {
        notifyFailure(t, 'flows:failures.import', error);
        return undefined;
      }
    },
    [t],
  );

  return useMemo(
    () => ({ create, rename, duplicate, remove, exportFile, importFile }),
    [create, rename, duplicate, remove, exportFile, importFile],
  );
}
