import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { StorageFullError } from '../storage/storage-full';

/**
 * Shows a failed action to the user: a full disk in plain words, any other
 * error with its message. `titleKey` names the action that failed.
 */
export function notifyFailure(t: TFunction, titleKey: string, error: unknown): void {
  const message =
    error instanceof StorageFullError
      ? t('common:errors.storageFull')
      : error instanceof Error
        ? error.message
        : String(error);

  console.error(error);
  notifications.show({ color: 'red', title: t(titleKey), message, autoClose: false });
}
