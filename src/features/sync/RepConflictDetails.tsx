import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Rep } from '@sras/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  mergeFlowsToCheck,
  readLocalFlowsToCheck,
  readServerFlowsToCheck,
  type ServerFlowsCheck,
} from './flows-to-check';
import {
  diffRepLists,
  flowsLosingReps,
  repsLost,
  type FlowAtRisk,
  type FlowToCheck,
} from './rep-conflict';

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
 * The published flows a choice could not be checked against, while it
 * removes or deactivates reps: flows whose published document is only on
 * the server, or all of them when the server did not answer.
 */
function UncheckedNote({
  choice,
  lost,
  check,
}: {
  choice: 'keep-local' | 'keep-server';
  lost: Map<string, string>;
  check: ServerFlowsCheck | null;
}) {
  const { t } = useTranslation('sync');
  if (lost.size === 0 || check === null) return null;
  if (!check.unreachable && check.unchecked.length === 0) return null;

  const reps = [...lost.values()].join(t('publish.listSeparator'));
  return (
    <Alert
      color="yellow"
      title={t(
        choice === 'keep-local'
          ? 'conflicts.reps.keepLocalUnchecked'
          : 'conflicts.reps.keepServerUnchecked',
        { reps },
      )}
      data-testid={`unchecked-${choice}`}
    >
      {check.unreachable ? (
        <Text size="sm">{t('conflicts.reps.serverUnreachable')}</Text>
      ) : (
        <>
          <Text size="sm">{t('conflicts.reps.uncheckedIntro')}</Text>
          <List size="sm">
            {check.unchecked.map((flow) => (
              <List.Item key={flow.flowId}>
                {t('conflicts.reps.uncheckedFlow', { flow: flow.flowName, version: flow.version })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** Asks the connected server once which flow versions it runs; null until it answers. */
function useServerFlowsToCheck(): ServerFlowsCheck | null {
  const [check, setCheck] = useState<ServerFlowsCheck | null>(null);
  useEffect(() => {
    let current = true;
    void readServerFlowsToCheck().then((result) => {
      if (current) setCheck(result);
    });
    return () => {
      current = false;
    };
  }, []);
  return check;
}

/**
 * What differs between the server's reps and this browser's, and, before
 * the user chooses, which flows would lose reps they assign to with each
 * choice: the flows in this browser and the versions the server runs.
 * Published flows it cannot check are named as such rather than left out.
 */
export function RepConflictDetails({ local, server }: { local: Rep[]; server: Rep[] }) {
  const { t } = useTranslation('sync');
  const localFlows = useLiveQuery(readLocalFlowsToCheck, [], [] as FlowToCheck[]);
  const serverCheck = useServerFlowsToCheck();
  const flows = mergeFlowsToCheck(localFlows, serverCheck);
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
      <UncheckedNote choice="keep-local" lost={repsLost(local, server)} check={serverCheck} />
      <UncheckedNote choice="keep-server" lost={repsLost(server, local)} check={serverCheck} />
    </Stack>
  );
}
