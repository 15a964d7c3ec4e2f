import { Alert, Button, Group, List, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { formatRepTableProblem, type RepTableResult } from '@sras/import';
import { useTranslation } from 'react-i18next';
import { importLanguage } from '../data/import/import-failure-message';
import type { RepImportMode, RepImportPlan } from './team-repository';

export interface RepImportState {
  fileName: string;
  result: RepTableResult;
  mode: RepImportMode;
  plan: RepImportPlan | null;
}

interface RepImportDialogProps {
  state: RepImportState | undefined;
  onModeChange: (mode: RepImportMode) => void;
  onConfirm: () => void;
  onClose: () => void;
}

const SHOWN_PROBLEMS = 50;

/** Shows what a rep file holds: its problems (nothing is imported then), or what importing changes. */
export function RepImportDialog({ state, onModeChange, onConfirm, onClose }: RepImportDialogProps) {
  const { t, i18n } = useTranslation('team');
  if (!state) return <Modal opened={false} onClose={onClose} />;

  const { result, plan } = state;
  const failed = result.errorCount > 0;
  const problems = result.problems.slice(0, SHOWN_PROBLEMS);

  return (
    <Modal opened onClose={onClose} title={t('import.title', { name: state.fileName })} size="lg">
      <Stack data-testid="rep-import">
        {failed ? (
          <Alert color="red" title={t('import.rejected', { count: result.errorCount })}>
            {t('import.rejectedHint')}
          </Alert>
        ) : (
          plan && (
            <>
              <SegmentedControl
                value={state.mode}
                onChange={(value) => onModeChange(value as RepImportMode)}
                data={[
                  { value: 'merge', label: t('import.merge') },
                  { value: 'replace', label: t('import.replace') },
                ]}
              />
              <Text size="sm" c="dimmed">
                {t(`import.${state.mode}Hint`)}
              </Text>
              <Text data-testid="rep-import-summary">
                {t('import.summary', {
                  added: plan.added,
                  updated: plan.updated,
                  unchanged: plan.unchanged,
                  removed: plan.removed.length,
                })}
              </Text>
              {plan.newTeams.length > 0 && (
                <Text size="sm">{t('import.newTeams', { names: plan.newTeams.join('、') })}</Text>
              )}
            </>
          )
        )}
        {problems.length > 0 && (
          <List size="sm" spacing={4} data-testid="rep-import-problems">
            {problems.map((problem, index) => (
              <List.Item key={index} c={problem.severity === 'error' ? 'red' : undefined}>
                {formatRepTableProblem(problem, importLanguage(i18n.language))}
              </List.Item>
            ))}
          </List>
        )}
        {result.problems.length > problems.length && (
          <Text size="sm" c="dimmed">
            {t('import.more', { count: result.problems.length - problems.length })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {failed ? t('common:actions.close') : t('common:actions.cancel')}
          </Button>
          {!failed && (
            <Button onClick={onConfirm} data-testid="rep-import-confirm">
              {t('import.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
