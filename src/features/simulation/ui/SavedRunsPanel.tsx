import { useState } from 'react';
import { Badge, Button, Group, Menu, ActionIcon, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../app/ConfirmDialog';
import { notifyFailure } from '../../../app/notifications';
import { useFormat } from '../../../i18n/useFormat';
import type { FlowVersionRecord, RunRecord } from '../../../storage/records';
import { useDatasetLabels } from '../../data/datasets/useDatasetLabels';
import { applyRun, deleteRun, isStaleApply, unapplyRun } from '../runs/run-actions';
import { useDatasetsOfKind, useSavedRuns } from './useSimulationInputs';

interface SavedRunsPanelProps {
  flowId: string;
  versions: FlowVersionRecord[];
  openRunId: string | null;
  onOpen: (runId: string) => void;
}

type PendingAction = {
  kind: 'apply' | 'unapply' | 'delete';
  run: RunRecord;
  stale: boolean;
} | null;

/** Past runs of the flow: open one, mark it as applied, undo that, or delete it. */
export function SavedRunsPanel({ flowId, versions, openRunId, onOpen }: SavedRunsPanelProps) {
  const { t } = useTranslation('simulation');
  const format = useFormat();
  const runs = useSavedRuns(flowId);
  const datasetLabels = useDatasetLabels(useDatasetsOfKind('leads'));
  const [pending, setPending] = useState<PendingAction>(null);

  if (runs === undefined) return null;
  if (runs.length === 0) return <Text size="sm">{t('runs.empty')}</Text>;

  const datasetName = (id: string) => datasetLabels.get(id) ?? t('runs.datasetDeleted');
  const versionName = (id: string | undefined) =>
    id ? (versions.find((version) => version.id === id)?.name ?? id) : t('settings.versionDraft');

  const confirm = async () => {
    if (!pending) return;
    const { kind, run } = pending;
    setPending(null);
    try {
      const refusal =
        kind === 'apply'
          ? await applyRun(run.id)
          : kind === 'unapply'
            ? await unapplyRun(run.id)
            : await deleteRun(run.id);
      if (refusal === 'notLatest')
        notifications.show({ color: 'yellow', message: t('runs.onlyLatest') });
      else if (refusal === 'applied')
        notifications.show({ color: 'yellow', message: t('runs.deleteApplied') });
      else if (refusal === null)
        notifications.show({
          color: 'green',
          message: t(
            kind === 'apply'
              ? 'runs.appliedDone'
              : kind === 'unapply'
                ? 'runs.unappliedDone'
                : 'runs.deleted',
          ),
        });
    } catch (error) {
      notifyFailure(t, 'simulation:errors.title', error);
    }
  };

  const dialog =
    pending === null
      ? null
      : pending.kind === 'apply'
        ? {
            title: t('runs.applyTitle'),
            body: `${t('runs.applyBody')}${pending.stale ? ` ${t('runs.applyStale')}` : ''}`,
            label: t('runs.apply'),
          }
        : pending.kind === 'unapply'
          ? { title: t('runs.unapplyTitle'), body: t('runs.unapplyBody'), label: t('runs.unapply') }
          : { title: t('runs.deleteTitle'), body: t('runs.deleteBody'), label: t('runs.delete') };

  return (
    <>
      <Table striped highlightOnHover data-testid="saved-runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('runs.name')}</Table.Th>
            <Table.Th>{t('runs.version')}</Table.Th>
            <Table.Th>{t('runs.dataset')}</Table.Th>
            <Table.Th ta="right">{t('runs.counts')}</Table.Th>
            <Table.Th>{t('runs.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => {
            const summary = run.summary as { assigned?: number; total?: number } | null;
            return (
              <Table.Tr
                key={run.id}
                data-testid={`saved-run-${run.id}`}
                bg={run.id === openRunId ? 'var(--mantine-primary-color-light)' : undefined}
              >
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {run.name || t('runs.unnamed', { date: format.dateTime(run.createdAt) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(run.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>{versionName(run.versionId)}</Table.Td>
                <Table.Td>{datasetName(run.datasetId)}</Table.Td>
                <Table.Td ta="right">
                  {format.number(summary?.assigned ?? 0)} /{' '}
                  {format.number(summary?.total ?? run.leadCount)}
                  {run.stateDedupKeys !== undefined && (
                    <Text size="xs" c="dimmed" data-testid="saved-run-state-size">
                      {t('runs.stateKeys', {
                        count: run.stateDedupKeys,
                        formatted: format.number(run.stateDedupKeys),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {run.appliedAt !== undefined ? (
                    <Badge color="green">{t('runs.applied')}</Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      {t('runs.simulation')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="light" onClick={() => onOpen(run.id)}>
                      {t('runs.open')}
                    </Button>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={t('runs.status')}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {run.appliedAt === undefined ? (
                          <Menu.Item
                            onClick={() =>
                              void isStaleApply(run).then((stale) =>
                                setPending({ kind: 'apply', run, stale }),
                              )
                            }
                          >
                            {t('runs.apply')}
                          </Menu.Item>
                        ) : (
                          <Menu.Item
                            onClick={() => setPending({ kind: 'unapply', run, stale: false })}
                          >
                            {t('runs.unapply')}
                          </Menu.Item>
                        )}
                        <Menu.Item
                          color="red"
                          disabled={run.appliedAt !== undefined}
                          onClick={() => setPending({ kind: 'delete', run, stale: false })}
                        >
                          {t('runs.delete')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <ConfirmDialog
        opened={dialog !== null}
        title={dialog?.title ?? ''}
        body={dialog?.body ?? ''}
        confirmLabel={dialog?.label ?? ''}
        destructive={pending?.kind === 'delete'}
        onConfirm={() => void confirm()}
        onClose={() => setPending(null)}
      />
    </>
  );
}
