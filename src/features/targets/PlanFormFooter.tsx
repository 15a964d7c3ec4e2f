import { Alert, Button, Group, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PlanFormFooterProps {
  /** Problems of the last submit, shown above the buttons when there are any. */
  errors: readonly string[];
  /** Title of the problem list. */
  errorsTitle: string;
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}

/**
 * Renders the end of the new-plan and re-split forms: the problems of the
 * last submit, then Cancel and submit.
 */
export function PlanFormFooter({
  errors,
  errorsTitle,
  submitLabel,
  busy,
  onCancel,
}: PlanFormFooterProps) {
  const { t } = useTranslation('targets');
  return (
    <>
      {errors.length > 0 && (
        <Alert color="red" title={errorsTitle} role="alert">
          <List size="sm">
            {errors.map((error) => (
              <List.Item key={error}>{error}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
