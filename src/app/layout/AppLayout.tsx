import { AppShell, Anchor, Group, Progress, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigation } from 'react-router';
import { SyncStatusIndicator } from '../../features/sync/SyncStatusIndicator';
import { HelpMenu } from '../help/HelpMenu';
import { KeyboardShortcutsDialog } from '../help/KeyboardShortcutsDialog';
import { useStorageStatusStore } from '../help/storage-status.store';
import { paths } from '../paths';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNavigation } from './MainNavigation';
import { SkipLink, MAIN_CONTENT_ID } from './SkipLink';
import { useHelpHotkey } from './useHelpHotkey';

/** The shell around every screen: header with navigation, language, colour scheme and help. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const checkStorage = useStorageStatusStore((state) => state.check);

  useEffect(() => {
    void checkStorage();
  }, [checkStorage]);
  useHelpHotkey();

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <SkipLink />
      <AppShell.Header>
        {navigation.state === 'loading' && (
          <Progress
            value={100}
            animated
            size="xs"
            pos="absolute"
            top={0}
            left={0}
            right={0}
            aria-hidden
          />
        )}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor component={Link} to={paths.flows()} underline="never" c="inherit">
              <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }}>
                {t('appName')}
              </Title>
            </Anchor>
            <MainNavigation />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SyncStatusIndicator />
            <LanguageSwitcher />
            <ColorSchemeToggle />
            <HelpMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
      <KeyboardShortcutsDialog />
    </AppShell>
  );
}
