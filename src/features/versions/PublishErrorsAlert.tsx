import { formatProblem, type FlowProblem } from '@sras/engine';
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PublishErrorsAlertProps {
  versionName: string;
  errors: FlowProblem[];
  onClose: () => void;
}

/** Lists the validator's errors that kept a version from being published. */
export function PublishErrorsAlert({ versionName, errors, onClose }: PublishErrorsAlertProps) {
  const { t, i18n } = useTranslation('versions');
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  return (
    <Alert
      color="red"
      title={t('publish.refused', { name: versionName, count: errors.length })}
      withCloseButton
      onClose={onClose}
      data-testid="publish-errors"
    >
      <List size="sm">
        {errors.map((problem, index) => (
          <List.Item
            key={`${problem.code}-${problem.nodeId ?? ''}-${problem.field ?? ''}-${index}`}
          >
            {formatProblem(problem, language)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
