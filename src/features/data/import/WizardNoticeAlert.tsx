import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeFailure } from './import-failure-message';
import { useImportWizard } from './import-wizard.store';

/** Says why the wizard stopped: a cancel or a failure. */
export function WizardNoticeAlert() {
  const { t, i18n } = useTranslation('data');
  const notice = useImportWizard((state) => state.notice);
  const dismiss = useImportWizard((state) => state.dismissNotice);
  if (!notice) return null;

  if (notice.type === 'failed') {
    return (
      <Alert
        color="red"
        title={notice.during === 'store' ? t('notice.storeFailed') : t('notice.parseFailed')}
        withCloseButton
        onClose={dismiss}
        data-testid="import-notice"
      >
        {describeFailure(t, i18n.language, notice.failure)}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" withCloseButton onClose={dismiss} data-testid="import-notice">
      {notice.type === 'store-cancelled' ? t('notice.storeCancelled') : t('notice.parseCancelled')}
    </Alert>
  );
}
