import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Rep } from '@sras/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../storage/db';
import { diffRepLists, flowsLosingReps, type FlowAtRisk, type FlowToCheck } from './rep-conflict';

/**
 * The local flows and their published versions, named, for the reps conflict warning.
 * NOTE: flows published on the server from another browser and not yet pulled here are not checked.
 */
async function readFlowsToCheck(): Promise<FlowToCheck[]> {
  const db = getDatabase();
  const flows = await db.flows.toArray();
  const checks: FlowToCheck[] = [];
  for (const flow of flows) {
    const flowName = flow.name.trim() || flow.id;
    checks.push({ flowId: flow.id, flowName, published: false, document: flow.document });
    if (!flow.publishedVersionId) continue;
    const published = await db.flowVersions.get(flow.publishedVersionId);
    if (published) {
      checks.push({ flowId: flow.id, flowName, published: true, document: published.document });
    }
  }
  return checks;
}

/** Flows at risk as the lines of a warning, one per flow document. */
function RiskList({ risks }: { risks: FlowAtRisk[] }) {
  const { t } = useTranslation('sync');
  return (
    <List size="sm">
      {risks.map((risk) => (
        <List.Item key={`${risk.flowId}:${String(risk.published)}`}>
          {t(risk.published ? 'conflicts.reps.publishedFlowLoses' : 'conflicts.reps.flowLoses', {
            flow: risk.flowName,
            reps: risk.reps.join(t('publish.listSeparator')),
          })}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * What differs between the server's reps and this browser's, and, before
 * the user chooses, which flows would lose reps they assign to with
 * each choice.
 */
export function RepConflictDetails({ local, server }: { local: Rep[]; server: Rep[] }) {
  const { t } = useTranslation('sync');
  const flows = useLiveQuery(readFlowsToCheck, [], [] as FlowToCheck[]);
  const diff = diffRepLists(server, local);
  const keepLocalRisks = flowsLosingReps(local, server, flows);
  const keepServerRisks = flowsLosingReps(server, local, flows);
  const names = (reps: { id: string; name?: string }[]) =>
    reps.map((rep) => rep.name || rep.id).join(t('publish.listSeparator'));
  const changedText = diff.changed.map((rep) =>
    t('conflicts.reps.changedRep', {
      name: rep.name || rep.id,
      fields: rep.fields
        .map((field) => t(`conflicts.reps.fields.${field}`))
        .join(t('publish.listSeparator')),
    }),
  );

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" data-testid="conflict-rep-differences">
        <Title order={4} size="h5" mb="xs">
          {t('conflicts.differences')}
        </Title>
        {diff.added.length + diff.removed.length + diff.changed.length === 0 ? (
          <Text size="sm">{t('conflicts.reps.same')}</Text>
        ) : (
          <List size="sm">
            {diff.added.length > 0 && (
              <List.Item>
                {t('conflicts.reps.added', { count: diff.added.length, names: names(diff.added) })}
              </List.Item>
            )}
            {diff.removed.length > 0 && (
              <List.Item>
                {t('conflicts.reps.removed', {
                  count: diff.removed.length,
                  names: names(diff.removed),
                })}
              </List.Item>
            )}
            {changedText.map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        )}
      </Paper>
      {keepLocalRisks.length > 0 && (
        <Alert color="red" title={t('conflicts.reps.keepLocalRisk')} data-testid="risk-keep-local">
          <RiskList risks={keepLocalRisks} />
        </Alert>
      )}
      {keepServerRisks.length > 0 && (
        <Alert
          color="red"
          title={t('conflicts.reps.keepServerRisk')}
          data-testid="risk-keep-server"
        >
          <RiskList risks={keepServerRisks} />
        </Alert>
      )}
    </Stack>
  );
}
