import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat';
import { useSimulationStore } from './simulation.store';

/** Progress of the run, export or save in flight, with Cancel for a run. */
export function SimulationProgressPanel() {
  const { t } = useTranslation('simulation');
  const format = useFormat();
  const progress = useSimulationStore((state) => state.progress ?? state.actionProgress);
  const cancel = useSimulationStore((state) => (state.progress ? state.cancel : null));

  if (!progress) return null;
  return (
    <Paper withBorder p="sm" data-testid="simulation-progress">
      <Group justify="space-between">
        <Text size="sm">
          {t(`progress.${progress.phase}`, {
            done: format.number(progress.done),
            total: format.number(progress.total),
          })}
        </Text>
        {cancel && (
          <Button size="compact-sm" variant="default" onClick={cancel}>
            {t('settings.cancel')}
          </Button>
        )}
      </Group>
      <Progress
        mt="xs"
        value={progress.total > 0 ? (progress.done / progress.total) * 100 : 0}
        animated={progress.total === 0}
      />
    </Paper>
  );
}
