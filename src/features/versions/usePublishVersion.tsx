import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyFailure } from '../../app/notifications';
import { toAppLanguage } from '../../i18n/i18n';
import type { ServerPublishOutcome } from '../sync/server-publish';
import {
  publishVersionEverywhere,
  publishVersionOnServer,
  type PublishEverywhereResult,
} from './version-publishing';

interface VersionRef {
  id: string;
  name: string;
}

/**
 * Publishes a version here and on the connected server, and tells the user
 * where it runs now. That is on the server (with its version number), in
 * this browser only, or here but not on the server, with the reason and a
 * retry. The editor and the versions panel both publish through this hook.
 */
export function usePublishVersion() {
  const { t, i18n } = useTranslation('versions');
  const language = toAppLanguage(i18n.language);

  const notifyServer = useCallback(
    (version: VersionRef, outcome: ServerPublishOutcome, retry: () => void) => {
      if (outcome.status === 'published') {
        notifications.show({
          color: 'green',
          message: t('serverPublish.publishedOnServer', {
            name: version.name,
            version: outcome.version,
          }),
        });
      } else if (outcome.status === 'local-only') {
        notifications.show({
          color: 'blue',
          message: t('serverPublish.publishedLocally', { name: version.name }),
        });
      } else {
        const id = `server-publish-${version.id}`;
        notifications.show({
          id,
          color: 'red',
          autoClose: false,
          title: t('serverPublish.failedTitle', { name: version.name }),
          message: (
            <Stack gap={6} align="flex-start">
              <Text size="sm">
                {t(`serverPublish.reasons.${outcome.reason}`, { detail: outcome.detail })}
              </Text>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => {
                  notifications.hide(id);
                  retry();
                }}
              >
                {t('serverPublish.retry')}
              </Button>
            </Stack>
          ),
        });
      }
    },
    [t],
  );

  const retryOnServer = useCallback(
    async (version: VersionRef): Promise<ServerPublishOutcome | undefined> => {
      try {
        const outcome = await publishVersionOnServer(version.id, language);
        notifyServer(version, outcome, () => void retryOnServer(version));
        return outcome;
      } catch (error) {
        notifyFailure(t, 'versions:failures.publish', error);
        return undefined;
      }
    },
    [language, notifyServer, t],
  );

  const publish = useCallback(
    async (version: VersionRef): Promise<PublishEverywhereResult> => {
      const result = await publishVersionEverywhere(version.id, language);
      if (result.status === 'published') {
        notifyServer(version, result.server, () => void retryOnServer(version));
      }
      return result;
    },
    [language, notifyServer, retryOnServer],
  );

  return useMemo(() => ({ publish, retryOnServer }), [publish, retryOnServer]);
}
