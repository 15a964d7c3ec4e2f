import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, Title } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

/** Root component: providers around the application shell. */
export function App() {
  const { t } = useTranslation();
  return (
    <MantineProvider defaultColorScheme="auto">
      <Notifications />
      <Title order={1} p="md">
        {t('appName')}
      </Title>
    </MantineProvider>
  );
}
