import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyFailure } from '../../app/notifications';
import { ScreenLoading } from '../../app/layout/ScreenLoading';
import { formatZoneOffset, formatZoneTime, listTimeZones } from './time-zones';
import { saveWorkspaceTimeZone, useWorkspaceSettings } from './workspace-settings';

/** Settings of this workspace on this computer: the time zone of dates and months. */
export function SettingsScreen() {
  const { t, i18n } = useTranslation('settings');
  const settings = useWorkspaceSettings();
  const zones = useMemo(() => listTimeZones().map((zone) => ({ value: zone, label: zone })), []);

  if (!settings) return <ScreenLoading />;

  const now = Date.now();
  const change = (timeZone: string | null) => {
    if (!timeZone || timeZone === settings.timeZone) return;
    saveWorkspaceTimeZone(timeZone)
      .then(() =>
        notifications.show({ color: 'teal', message: t('timeZone.saved', { zone: timeZone }) }),
      )
      .catch((error: unknown) => notifyFailure(t, 'settings:errors.saveFailed', error));
  };

  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{t('title')}</Title>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Select
            label={t('timeZone.label')}
            description={t('timeZone.help')}
            data={zones}
            value={settings.timeZone}
            onChange={change}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('timeZone.nothingFound')}
            placeholder={t('timeZone.placeholder')}
            maxDropdownHeight={320}
            data-testid="time-zone-select"
          />
          <Text size="sm" c="dimmed" data-testid="time-zone-now">
            {t('timeZone.now', {
              time: formatZoneTime(settings.timeZone, now, i18n.language),
              offset: formatZoneOffset(settings.timeZone, now),
            })}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
