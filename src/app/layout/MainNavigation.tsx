import { NavLink as MantineNavLink, Stack, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { navigationEntries } from '../routes';

interface MainNavigationProps {
  /** Icons only; each link keeps its name as its accessible label and tooltip. */
  collapsed: boolean;
}

/** Sidebar links to the screens listed in the routes' `nav` entries. */
export function MainNavigation({ collapsed }: MainNavigationProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  return (
    <Stack gap={2}>
      {navigationEntries().map(({ path, nav }) => {
        const Icon = nav.icon;
        const label = t(nav.labelKey);
        const target = `/${path}`;
        const active = pathname === target || pathname.startsWith(`${target}/`);
        return (
          <Tooltip key={path} label={label} position="right" disabled={!collapsed}>
            <MantineNavLink
              component={NavLink}
              to={target}
              active={active}
              label={collapsed ? undefined : label}
              aria-label={collapsed ? label : undefined}
              leftSection={<Icon size={20} />}
              styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
            />
          </Tooltip>
        );
      })}
    </Stack>
  );
}
