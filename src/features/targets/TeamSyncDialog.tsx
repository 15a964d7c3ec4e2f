import { Alert, Button, Group, List, Modal, Radio, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cellValue, personRowKey, planTotal } from './plan-grid';
import {
  diffPlanTeam,
  shareSplit,
  syncPlanWithTeam,
  type NewRepTargets,
  type TeamChanges,
} from './plan-team-sync';
import { describeTargetProblem } from './target-messages';
import type { PlanPerson, TargetPlan } from './target-plan.types';

interface TeamSyncDialogProps {
  opened: boolean;
  /** The draft, with each rep's current name. */
  plan: TargetPlan;
  /** The team's active reps. */
  people: readonly PlanPerson[];
  formatAmount: (value: number) => string;
  onClose: () => void;
  /** Brings the draft up to date and resolves with the problems that stopped it, or none. */
  onApply: (newReps: NewRepTargets) => Promise<string[]>;
}

export function teamName(t: TFunction, team: string): string {
  return team === '' ? t('targets:grid.noTeam') : team;
}

/** Summarises a team change in one line of counts, such as "2 new reps, 1 rep has left". */
export function summariseTeamChanges(t: TFunction, changes: TeamChanges): string {
  const parts = [
    ['added', changes.added.length],
    ['left', changes.left.length],
    ['moved', changes.moved.length],
  ] as const;
  return parts
    .filter(([, count]) => count > 0)
    .map(([key, count]) => t(`targets:teamSync.${key}`, { count }))
    .join(t('targets:listSeparator'));
}

/** Previews how the team's changes enter a draft, and applies them. */
export function TeamSyncDialog({
  opened,
  plan,
  people,
  formatAmount,
  onClose,
  onApply,
}: TeamSyncDialogProps) {
  const { t } = useTranslation('targets');
  const [newReps, setNewReps] = useState<NewRepTargets>('zero');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) setErrors([]);
  }, [opened]);

  const changes = useMemo(() => diffPlanTeam(plan, people), [plan, people]);
  const preview = useMemo(
    () => (opened ? syncPlanWithTeam(plan, people, newReps, plan.updatedAt) : null),
    [opened, plan, people, newReps],
  );
  const previewProblems =
    preview && !preview.ok
      ? preview.problems.map((problem) => describeTargetProblem(t, problem, plan, formatAmount))
      : [];
  const yearOf = (source: TargetPlan, id: string) =>
    cellValue(source, { row: personRowKey(id), column: 'year' });
  const after = preview?.ok ? preview.value : plan;

  const apply = async () => {
    setBusy(true);
    try {
      const problems = await onApply(newReps);
      setErrors(problems);
      if (problems.length === 0) onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('teamSync.title')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('teamSync.help', { total: formatAmount(planTotal(plan)) })}
        </Text>

        {changes.added.length > 0 && (
          <Stack gap={4} data-testid="team-sync-added">
            <Title order={5}>{t('teamSync.addedTitle')}</Title>
            <List size="sm">
              {changes.added.map((person) => (
                <List.Item key={person.id}>
                  {t('teamSync.addedLine', {
                    name: person.name,
                    team: teamName(t, person.team),
                    amount: formatAmount(yearOf(after, person.id)),
                  })}
                </List.Item>
              ))}
            </List>
            <Radio.Group
              label={t('teamSync.newRepsLabel')}
              value={newReps}
              onChange={(value) => setNewReps(value === 'share' ? 'share' : 'zero')}
            >
              <Stack gap={6} mt={6}>
                <Radio value="zero" label={t('teamSync.zero')} />
                <Radio
                  value="share"
                  label={t('teamSync.share', {
                    method: t(`peopleSplit.${shareSplit(plan.peopleSplit).method}`),
                  })}
                />
              </Stack>
            </Radio.Group>
          </Stack>
        )}

        {changes.left.length > 0 && (
          <Stack gap={4} data-testid="team-sync-left">
            <Title order={5}>{t('teamSync.leftTitle')}</Title>
            <List size="sm">
              {changes.left.map((person) => {
                const amount = yearOf(plan, person.id);
                const values = { name: person.name, team: teamName(t, person.team) };
                return (
                  <List.Item key={person.id}>
                    {amount > 0
                      ? t('teamSync.leftKept', { ...values, amount: formatAmount(amount) })
                      : t('teamSync.leftRemoved', values)}
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        )}

        {changes.moved.length > 0 && (
          <Stack gap={4} data-testid="team-sync-moved">
            <Title order={5}>{t('teamSync.movedTitle')}</Title>
            <List size="sm">
              {changes.moved.map(({ person, from, to }) => (
                <List.Item key={person.id}>
                  {t('teamSync.movedLine', {
                    name: person.name,
                    from: teamName(t, from),
                    to: teamName(t, to),
                    amount: formatAmount(yearOf(plan, person.id)),
                  })}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}

        {[...previewProblems, ...errors].length > 0 && (
          <Alert color="red" role="alert">
            {[...previewProblems, ...errors].map((error) => (
              <Text key={error} size="sm">
                {error}
              </Text>
            ))}
          </Alert>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={() => void apply()} loading={busy} disabled={previewProblems.length > 0}>
            {t('teamSync.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
