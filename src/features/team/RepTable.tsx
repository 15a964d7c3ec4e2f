import { ActionIcon, Badge, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import {
  IconDots,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
} from '@tabler/icons-react';
import { writeUnavailable } from '@sras/import';
import { useTranslation } from 'react-i18next';
import type { StoredRep } from './rep-draft';

interface RepTableProps {
  reps: StoredRep[];
  onEdit: (rep: StoredRep) => void;
  onToggleActive: (rep: StoredRep) => void;
  onDelete: (rep: StoredRep) => void;
}

/** The reps with their team, status, weight, capacities, open leads, leave and employment. */
export function RepTable({ reps, onEdit, onToggleActive, onDelete }: RepTableProps) {
  const { t } = useTranslation('team');
  const capacity = (value: number | null | undefined) =>
    value === undefined || value === null
      ? t('table.unlimited')
      : value === 0
        ? t('table.paused')
        : String(value);

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="rep-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.name')}</Table.Th>
            <Table.Th>{t('table.team')}</Table.Th>
            <Table.Th>{t('table.status')}</Table.Th>
            <Table.Th ta="right">{t('table.weight')}</Table.Th>
            <Table.Th>{t('table.capacity')}</Table.Th>
            <Table.Th ta="right">{t('table.openLeads')}</Table.Th>
            <Table.Th>{t('table.leave')}</Table.Th>
            <Table.Th>{t('table.employment')}</Table.Th>
            <Table.Th w={50}>
              <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reps.map((rep) => (
            <Table.Tr key={rep.id} data-testid="rep-row" data-rep-id={rep.id}>
              <Table.Td>
                <Text size="sm" fw={500} data-testid="rep-name">
                  {rep.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {rep.id}
                </Text>
              </Table.Td>
              <Table.Td>
                {rep.team || (
                  <Text c="dimmed" size="sm">
                    {t('table.noTeam')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {rep.active === false ? (
                  <Badge color="gray" variant="light">
                    {t('table.inactive')}
                  </Badge>
                ) : (
                  <Badge color="green" variant="light">
                    {t('table.active')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{rep.weight ?? 1}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('table.capacityValues', {
                    day: capacity(rep.capacity?.day),
                    week: capacity(rep.capacity?.week),
                    month: capacity(rep.capacity?.month),
                  })}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{rep.openLeads ?? 0}</Table.Td>
              <Table.Td>
                <Text size="sm" maw={220} truncate>
                  {writeUnavailable(rep.unavailable ?? []) || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {rep.employmentStart || rep.employmentEnd
                    ? `${rep.employmentStart ?? '…'} ~ ${rep.employmentEnd ?? '…'}`
                    : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('table.actionsFor', { name: rep.name })}
                    >
                      <IconDots size={18} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(rep)}>
                      {t('table.edit')}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={
                        rep.active === false ? (
                          <IconPlayerPlay size={16} />
                        ) : (
                          <IconPlayerPause size={16} />
                        )
                      }
                      onClick={() => onToggleActive(rep)}
                    >
                      {rep.active === false ? t('table.activate') : t('table.deactivate')}
                    </Menu.Item>
                    <Menu.Item
                      color="red"
                      leftSection={<IconTrash size={16} />}
                      onClick={() => onDelete(rep)}
                    >
                      {t('table.delete')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
