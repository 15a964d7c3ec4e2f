import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBook, IconDatabase, IconHelp, IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../paths';
import { openShortcutsDialog } from './shortcuts.store';
import { StorageStatusDialog } from './StorageStatusDialog';
import { useStorageStatusStore } from './storage-status.store';

/** The header's help menu: shortcuts, user guide and storage status. */
export function HelpMenu() {
  const { t } = useTranslation();
  const [storageOpen, storage] = useDisclosure(false);
  const persistence = useStorageStatusStore((state) => state.persistence);

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Tooltip label={t('help.menu')}>
            <ActionIcon variant="default" size="lg" aria-label={t('help.menu')}>
              <IconHelp size={20} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKeyboard size={16} />} onClick={openShortcutsDialog}>
            {t('help.shortcuts')}
          </Menu.Item>
          <Menu.Item leftSection={<IconBook size={16} />} component={Link} to={paths.guide()}>
            {t('help.guide')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconDatabase size={16} />}
            color={persistence === 'denied' ? 'yellow' : undefined}
            onClick={storage.open}
          >
            {persistence === 'denied' ? t('help.storageWarning') : t('help.storage')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <StorageStatusDialog opened={storageOpen} onClose={storage.close} />
    </>
  );
}
