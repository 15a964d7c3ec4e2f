import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { usePublishVersion } from '../../versions/usePublishVersion';
import { saveVersion } from '../../versions/version-repository';

/**
 * Publish what the editor shows: wait for autosave, store the document as a
 * new version and publish that version the way the versions panel does (in
 * this browser, and on the server when a workspace is connected). The
 * editor checks for errors first; the versions feature checks again.
 */
export function usePublishCurrentDocument(flowId: string, flush: () => Promise<void>) {
  const { t, i18n } = useTranslation('editor');
  const { publish } = usePublishVersion();

  return useCallback(async () => {
    await flush();
    const when = new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(Date.now());
    const name = t('publish.versionName', { when });

    try {
      const version = await saveVersion(flowId, name);
      if (!version) throw new Error(t('load.notFound'));
      const result = await publish(version);
      if (result.status === 'invalid') {
        notifications.show({
          color: 'red',
          message: t('publish.refusedBody', { count: result.errors.length }),
        });
      } else if (result.status === 'missing') {
        notifications.show({ color: 'red', message: t('load.notFound') });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      notifications.show({ color: 'red', title: t('publish.failedTitle'), message });
    }
  }, [flowId, flush, i18n.language, publish, t]);
}
