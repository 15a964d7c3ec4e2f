import { Menu } from '@mantine/core';
import {
  IconCopy,
  IconDownload,
  IconExternalLink,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RowActionsMenu } from '../../app/RowActionsMenu';
import type { FlowRecord } from '../../storage/records';

export interface FlowRowHandlers {
  onRename: (flow: FlowRecord) => void;
  onDuplicate: (flow: FlowRecord) => void;
  onExport: (flow: FlowRecord) => void;
  onDelete: (flow: FlowRecord) => void;
}

interface FlowRowMenuProps extends FlowRowHandlers {
  flow: FlowRecord;
  /** Extra links for the flow (editor, versions), shown first; absent while those screens do not exist. */
  links: { labelKey: string; to: string }[];
}

/** The actions of one flow in the list. */
export function FlowRowMenu({
  flow,
  links,
  onRename,
  onDuplicate,
  onExport,
  onDelete,
}: FlowRowMenuProps) {
  const { t } = useTranslation('flows');

  return (
    <RowActionsMenu label={t('row.actions', { name: flow.name })}>
      {links.map((link) => (
        <Menu.Item
          key={link.to}
          component={Link}
          to={link.to}
          leftSection={<IconExternalLink size={16} />}
        >
          {t(link.labelKey)}
        </Menu.Item>
      ))}
      <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onRename(flow)}>
        {t('row.rename')}
      </Menu.Item>
      <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => onDuplicate(flow)}>
        {t('row.duplicate')}
      </Menu.Item>
      <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => onExport(flow)}>
        {t('row.export')}
      </Menu.Item>
      <Menu.Divider />
      <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => onDelete(flow)}>
        {t('row.delete')}
      </Menu.Item>
    </RowActionsMenu>
  );
}
