import { Badge, Tooltip, UnstyledButton } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCloud,
  IconCloudOff,
  IconLoader2,
  IconRefresh,
} from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readConnection } from './sync-metadata';
import { SYNC_SETTINGS_PATH } from './sync-paths';
import { useSyncStatus } from './sync.store';
import { useAutoSync } from './useAutoSync';

/** Sync state in the shell header; opens the sync settings. Also runs the automatic sync. */
export function SyncStatusIndicator() {
  const { t } = useTranslation('sync');
  const connected = useLiveQuery(async () => (await readConnection()) !== null, [], false);
  useAutoSync(connected);
  const phase = useSyncStatus((status) => status.phase);
  const pending = useSyncStatus((status) => status.pending);
  const conflicts = useSyncStatus((status) => status.conflicts.length);

  const view =
    conflicts > 0
      ? {
          color: 'red',
          icon: IconAlertTriangle,
          label: t('status.conflicts', { count: conflicts }),
        }
      : phase === 'syncing'
        ? { color: 'blue', icon: IconLoader2, label: t('status.syncing') }
        : phase === 'offline'
          ? { color: 'orange', icon: IconCloudOff, label: t('status.offline', { count: pending }) }
          : phase === 'error'
            ? { color: 'red', icon: IconAlertTriangle, label: t('status.error') }
            : phase === 'idle'
              ? pending > 0
                ? {
                    color: 'yellow',
                    icon: IconRefresh,
                    label: t('status.pending', { count: pending }),
                  }
                : { color: 'teal', icon: IconCloud, label: t('status.synced') }
              : { color: 'gray', icon: IconCloudOff, label: t('status.disconnected') };
  const Icon = view.icon;

  return (
    <Tooltip label={t('status.open')}>
      <UnstyledButton
        component={Link}
        to={SYNC_SETTINGS_PATH}
        data-testid="sync-status"
        aria-label={view.label}
      >
        <Badge
          color={view.color}
          variant="light"
          leftSection={<Icon size={14} aria-hidden />}
          style={{ cursor: 'pointer' }}
        >
          {view.label}
        </Badge>
      </UnstyledButton>
    </Tooltip>
  );
}
