import { Group, Kbd, Modal, Stack, Table, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { SHELL_SHORTCUTS } from './shell-shortcuts';
import { useShortcutsStore, type ShortcutGroup } from './shortcuts.store';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function KeyCombination({ keys }: { keys: string }) {
  const parts = keys.split('+').map((part) => (part === 'Mod' ? (IS_MAC ? '⌘' : 'Ctrl') : part));
  return (
    <Group gap={4} wrap="nowrap">
      {parts.map((part, index) => (
        <Fragment key={`${part}-${index}`}>
          {index > 0 && '+'}
          <Kbd>{part}</Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

function ShortcutTable({ group }: { group: ShortcutGroup }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t(group.titleKey)}
      </Title>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {group.shortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.keys}>
              <Table.Td w="40%">
                <KeyCombination keys={shortcut.keys} />
              </Table.Td>
              <Table.Td>{t(shortcut.labelKey)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Lists the shortcuts of the shell and of every screen that registered its own. */
export function KeyboardShortcutsDialog() {
  const { t } = useTranslation();
  const open = useShortcutsStore((state) => state.dialogOpen);
  const close = useShortcutsStore((state) => state.closeDialog);
  const groups = useShortcutsStore((state) => state.groups);

  return (
    <Modal opened={open} onClose={close} title={t('shortcuts.title')} size="lg">
      <Stack gap="lg">
        {groups.map((group) => (
          <ShortcutTable key={group.id} group={group} />
        ))}
        <ShortcutTable group={SHELL_SHORTCUTS} />
      </Stack>
    </Modal>
  );
}
