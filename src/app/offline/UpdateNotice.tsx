import { Affix, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppUpdateStore } from './app-update.store';

/**
 * Offers a new build of the app once its service worker is installed. The
 * page reloads only when the user presses the button, never in the middle
 * of an edit.
 */
export function UpdateNotice() {
  const { t } = useTranslation();
  const available = useAppUpdateStore((state) => state.available);
  const applying = useAppUpdateStore((state) => state.applying);
  const apply = useAppUpdateStore((state) => state.apply);

  if (!available) return null;
  return (
    <Affix position={{ bottom: 16, left: 16 }} zIndex={300}>
      <Paper role="status" aria-live="polite" shadow="md" withBorder p="sm" maw={360}>
        <Group gap="sm" wrap="nowrap" align="center">
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('update.available')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('update.hint')}
            </Text>
          </Stack>
          <Button
            size="xs"
            leftSection={<IconRefresh size={14} />}
            loading={applying}
            onClick={apply}
          >
            {t('update.reload')}
          </Button>
        </Group>
      </Paper>
    </Affix>
  );
}
