import { ActionIcon, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface RowActionsMenuProps {
  /** Names the row for screen readers, e.g. "Actions for 张伟". */
  label: string;
  /** The menu's `Menu.Item`s and `Menu.Divider`s. */
  children: ReactNode;
}

/** Renders the "…" button at the end of a table row and the menu of actions on that row. */
export function RowActionsMenu({ label, children }: RowActionsMenuProps) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={label}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
