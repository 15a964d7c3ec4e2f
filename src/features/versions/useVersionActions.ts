import type { FlowProblem } from '@sras/engine';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyFailure } from '../../app/notifications';
import type { FlowVersionRecord } from '../../storage/records';
import { usePublishVersion } from './usePublishVersion';
import { deleteVersion, restoreVersion, saveVersion, unpublishFlow } from './version-repository';

export interface PublishRefusal {
  versionName: string;
  errors: FlowProblem[];
}

/**
 * Save, restore, publish (here and on the connected server) and delete of
 * versions, each reporting its outcome to the user.
 */
export function useVersionActions(flowId: string) {
  const { t, i18n } = useTranslation('versions');
  const [publishRefusal, setPublishRefusal] = useState<PublishRefusal>();
  const { publish: publishEverywhere, retryOnServer } = usePublishVersion();

  const save = useCallback(
    async (name: string, note: string) => {
      try {
        const version = await saveVersion(flowId, name, note);
        if (version) notifications.show({ color: 'green', message: t('save.done', { name }) });
      } catch (error) {
        notifyFailure(t, 'versions:failures.save', error);
      }
    },
    [flowId, t],
  );

  const restore = useCallback(
    async (version: FlowVersionRecord) => {
      try {
        const when = new Intl.DateTimeFormat(i18n.language, {
          dateStyle: 'short',
          timeStyle: 'short',
        }).format(Date.now());
        const result = await restoreVersion(
          version.id,
          t('restore.backupName', { name: version.name, when }),
        );
        if (result) {
          notifications.show({
            color: 'green',
            message: t('restore.done', { name: version.name, backup: result.backup.name }),
          });
        }
      } catch (error) {
        notifyFailure(t, 'versions:failures.restore', error);
      }
    },
    [t, i18n.language],
  );

  const publish = useCallback(
    async (version: FlowVersionRecord) => {
      try {
        setPublishRefusal(undefined);
        const result = await publishEverywhere(version);
        if (result.status === 'invalid')
          setPublishRefusal({ versionName: version.name, errors: result.errors });
      } catch (error) {
        notifyFailure(t, 'versions:failures.publish', error);
      }
    },
    [publishEverywhere, t],
  );

  const unpublish = useCallback(async () => {
    try {
      await unpublishFlow(flowId);
    } catch (error) {
      notifyFailure(t, 'versions:failures.publish', error);
    }
  }, [flowId, t]);

  const remove = useCallback(
    async (version: FlowVersionRecord) => {
      try {
        await deleteVersion(version.id);
      } catch (error) {
        notifyFailure(t, 'versions:failures.delete', error);
      }
    },
    [t],
  );

  const clearPublishRefusal = useCallback(() => setPublishRefusal(undefined), []);

  return useMemo(
    () => ({
      save,
      restore,
      publish,
      retryOnServer,
      unpublish,
      remove,
      publishRefusal,
      clearPublishRefusal,
    }),
    [save, restore, publish, retryOnServer, unpublish, remove, publishRefusal, clearPublishRefusal],
  );
}
