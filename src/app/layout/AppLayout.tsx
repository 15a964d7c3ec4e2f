import { ActionIcon, AppShell, Anchor, Group, Progress, Title, Tooltip } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useMatch, useNavigation } from 'react-router';
import { SyncStatusIndicator } from '../../features/sync/SyncStatusIndicator';
import { HelpMenu } from '../help/HelpMenu';
import { KeyboardShortcutsDialog } from '../help/KeyboardShortcutsDialog';
import { useStorageStatusStore } from '../help/storage-status.store';
import { UpdateNotice } from '../offline/UpdateNotice';
import { paths } from '../paths';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNavigation } from './MainNavigation';
import { SkipLink, MAIN_CONTENT_ID } from './SkipLink';
import { useHelpHotkey } from './useHelpHotkey';

const NAVBAR_WIDTH = 200;
const NAVBAR_COLLAPSED_WIDTH = 64;

/**
 * The shell around every screen: a header with language, colour scheme, sync
 * and help, and a sidebar with the screens. The sidebar folds to icons so the
 * canvas gets the room on a 1280-pixel screen. Canvas screens (editor and
 * simulation) start folded; each kind of screen remembers its own choice.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const checkStorage = useStorageStatusStore((state) => state.check);
  const editorMatch = useMatch('/flows/:flowId');
  const simulationMatch = useMatch('/flows/:flowId/simulate');
  const onCanvas = editorMatch !== null || simulationMatch !== null;
  const [foldedOnCanvas, setFoldedOnCanvas] = useLocalStorage({
    key: 'sras.navCollapsedOnCanvas',
    defaultValue: true,
    getInitialValueInEffect: false,
  });
  const [foldedElsewhere, setFoldedElsewhere] = useLocalStorage({
    key: 'sras.navCollapsed',
    defaultValue: false,
    getInitialValueInEffect: false,
  });
  const navCollapsed = onCanvas ? foldedOnCanvas : foldedElsewhere;
  const setNavCollapsed = onCanvas ? setFoldedOnCanvas : setFoldedElsewhere;
  const toggleLabel = navCollapsed ? t('nav.expand') : t('nav.collapse');

  useEffect(() => {
    void checkStorage();
  }, [checkStorage]);
  useHelpHotkey();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: navCollapsed ? NAVBAR_COLLAPSED_WIDTH : NAVBAR_WIDTH, breakpoint: 0 }}
      padding={editorMatch === null ? 'md' : 0}
      // No width animation: the canvas must not move under the pointer after
      // the sidebar folds on entering the editor.
      transitionDuration={0}
    >
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
          <Group gap="sm" wrap="nowrap">
            <Tooltip label={toggleLabel}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={toggleLabel}
                aria-expanded={!navCollapsed}
                aria-controls="main-navigation"
                onClick={() => setNavCollapsed((collapsed) => !collapsed)}
              >
                {navCollapsed ? (
                  <IconLayoutSidebarLeftExpand size={20} />
                ) : (
                  <IconLayoutSidebarLeftCollapse size={20} />
                )}
              </ActionIcon>
            </Tooltip>
            <Anchor component={Link} to={paths.flows()} underline="never" c="inherit">
              <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }}>
                {t('appName')}
              </Title>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SyncStatusIndicator />
            <LanguageSwitcher />
            <ColorSchemeToggle />
            <HelpMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="main-navigation" p="xs" aria-label={t('nav.label')}>
        <MainNavigation collapsed={navCollapsed} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
      <KeyboardShortcutsDialog />
      <UpdateNotice />
    </AppShell>
  );
}
