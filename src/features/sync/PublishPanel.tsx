import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { formatProblem, nodeLabels, type FlowNode, type FlowProblem } from '@sras/engine';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSyncApi, SyncApiError, type ServerFlowSummary } from './sync-api.client';
import type { SyncConnection } from './sync-metadata';
import { requestSync } from './sync.engine';
import { conflictName } from './conflict-name';
import { syncStore, useSyncStatus, type SyncConflict } from './sync.store';

interface PublishPanelProps {
  connection: SyncConnection;
}

/** Outcome of the last Publish click, shown under the table. */
type PublishOutcome =
  | { flowId: string; version: number }
  | { flowId: string; problems: FlowProblem[]; nodes: FlowNode[] }
  | { flowId: string; conflicts: string[] }
  | { flowId: string; moved: { name: string; seen: number; current: number } }
  | { flowId: string; error: string };

/**
 * The workspace's flows on the server with their revision and the version
 * the allocation API runs, a Publish button per flow, and the request that
 * allocates a lead. Publish publishes the revision shown in the row: when
 * the flow changed on the server since the list was loaded, the server
 * responds 412, nothing is published, and the reloaded list shows the new
 * revision for the user to check.
 */
export function PublishPanel({ connection }: PublishPanelProps) {
  const { t, i18n } = useTranslation('sync');
  const [flows, setFlows] = useState<ServerFlowSummary[] | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null);
  const lastSyncedAt = useSyncStatus((status) => status.lastSyncedAt);
  const canPublish = connection.role === 'owner' || connection.role === 'editor';
  const api = createSyncApi({ serverUrl: connection.serverUrl, token: connection.token });

  const load = useCallback(async () => {
    try {
      const { flows: list } = await createSyncApi({
        serverUrl: connection.serverUrl,
        token: connection.token,
      }).listFlows();
      setFlows(list);
    } catch {
      setFlows(null);
    }
  }, [connection.serverUrl, connection.token]);

  // Reloaded after every sync, so the revisions shown include this browser's own pushes.
  useEffect(() => {
    void load();
  }, [load, lastSyncedAt]);

  // The nodes of the flow the server refused, to name them by label; none when it cannot be read.
  const serverNodes = async (flowId: string): Promise<FlowNode[]> => {
    try {
      return (await api.getFlow(flowId)).document.nodes;
    } catch {
      return [];
    }
  };

  const publish = async (flow: ServerFlowSummary) => {
    setBusyId(flow.id);
    setOutcome(null);
    try {
      // Local edits go first. When they make a new revision, the server
      // rejects the one shown, as it would for another user's edit.
      await requestSync();
      const blocking = syncStore
        .getState()
        .conflicts.filter((conflict) => blocksPublish(conflict, flow.id));
      if (blocking.length > 0) {
        setOutcome({
          flowId: flow.id,
          conflicts: blocking.map((conflict) => conflictName(conflict, t)),
        });
        return;
      }
      const { version } = await api.publishFlow(flow.id, flow.revision);
      setOutcome({ flowId: flow.id, version });
    } catch (error) {
      if (error instanceof SyncApiError && error.status === 412) {
        setOutcome({
          flowId: flow.id,
          moved: {
            name: flow.name || flow.id,
            seen: flow.revision,
            current: error.current?.revision ?? flow.revision,
          },
        });
      } else if (error instanceof SyncApiError && error.code === 'flow-has-errors') {
        const problems = (error.details.problems as FlowProblem[] | undefined) ?? [];
        setOutcome({
          flowId: flow.id,
          problems: problems.filter((problem) => problem.severity === 'error'),
          nodes: await serverNodes(flow.id),
        });
      } else {
        setOutcome({
          flowId: flow.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    } finally {
      setBusyId(null);
      await load();
    }
  };

  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const example = flows?.find((flow) => flow.publishedVersion !== null);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('publish.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('publish.intro')}
        </Text>
        {flows && flows.length === 0 && <Text size="sm">{t('publish.none')}</Text>}
        {flows && flows.length > 0 && (
          <Table data-testid="server-flows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('publish.columns.name')}</Table.Th>
                <Table.Th>{t('publish.columns.id')}</Table.Th>
                <Table.Th>{t('publish.columns.revision')}</Table.Th>
                <Table.Th>{t('publish.columns.published')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {flows.map((flow) => (
                <Table.Tr key={flow.id}>
                  <Table.Td>{flow.name}</Table.Td>
                  <Table.Td>
                    <Code>{flow.id}</Code>
                  </Table.Td>
                  <Table.Td data-testid={`server-flow-revision-${flow.id}`}>
                    {flow.revision}
                  </Table.Td>
                  <Table.Td>
                    {flow.publishedVersion === null ? (
                      <Badge color="gray" variant="light">
                        {t('publish.notPublished')}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        {t('publish.version', { version: flow.publishedVersion })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canPublish && (
                      <Button
                        size="xs"
                        loading={busyId === flow.id}
                        onClick={() => void publish(flow)}
                      >
                        {t('publish.publish')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        {outcome && 'version' in outcome && (
          <Alert color="teal">{t('publish.published', { version: outcome.version })}</Alert>
        )}
        {outcome && 'problems' in outcome && (
          <Alert color="red" title={t('publish.hasErrors')}>
            <List size="sm">
              {outcome.problems.map((problem, index) => {
                const labels = nodeLabels(outcome.nodes, language);
                const node = problem.nodeId ? (labels.get(problem.nodeId) ?? problem.nodeId) : '';
                return (
                  <List.Item key={index}>
                    {node ? t('publish.atNode', { node }) : ''}
                    {formatProblem(problem, language, outcome.nodes)}
                  </List.Item>
                );
              })}
            </List>
          </Alert>
        )}
        {outcome && 'conflicts' in outcome && (
          <Alert color="orange" title={t('publish.conflictTitle')}>
            {t('publish.conflict', {
              names: outcome.conflicts.join(t('publish.listSeparator')),
              count: outcome.conflicts.length,
            })}
          </Alert>
        )}
        {outcome && 'moved' in outcome && (
          <Alert color="orange" title={t('publish.movedTitle')}>
            {t('publish.moved', outcome.moved)}
          </Alert>
        )}
        {outcome && 'error' in outcome && <Alert color="red">{outcome.error}</Alert>}

        {example && (
          <Stack gap={4}>
            <Text size="sm">{t('publish.tryIt')}</Text>
            <Code block data-testid="allocate-example">
              {`curl -s -X POST ${connection.serverUrl}/api/v1/flows/${example.id}/allocate \\
  -H 'authorization: Bearer <token>' -H 'content-type: application/json' \\
  -d '{"lead":{"id":"L1","手机":"13800000000","省份":"浙江"}}'`}
            </Code>
          </Stack>
        )}
        <Group>
          <Button variant="subtle" size="xs" onClick={() => void load()}>
            {t('publish.refresh')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Whether an open conflict keeps flow `flowId` from being published: its own, or the reps it assigns to. */
function blocksPublish(conflict: SyncConflict, flowId: string): boolean {
  if (conflict.kind === 'flow') return conflict.id === flowId;
  return conflict.kind === 'reps' || conflict.kind === 'teams';
}
