import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { plansOfYear } from './plan-labels';
import type { TargetPlan } from './target-plan.types';

interface ExistingPlanNoticeProps {
  year: number;
  plans: readonly TargetPlan[];
  onOpen: (planId: string) => void;
}

/** Says that the year already has a plan, which a new plan would sit beside, and offers to open it. */
export function ExistingPlanNotice({ year, plans, onOpen }: ExistingPlanNoticeProps) {
  const { t } = useTranslation('targets');
  const existing = plansOfYear(plans, year);
  const first = existing[0];
  if (!first) return null;

  return (
    <Alert color="blue" data-testid="existing-plan">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">
          {t(existing.length > 1 ? 'form.existingPlans' : 'form.existingPlan', {
            count: existing.length,
            year,
            name: first.name,
            version: first.version,
            status: t(`status.${first.status}`),
          })}
        </Text>
        <Button
          size="xs"
          variant="light"
          onClick={() => onOpen(first.id)}
          style={{ flexShrink: 0 }}
        >
          {t('form.openExisting')}
        </Button>
      </Group>
    </Alert>
  );
}
