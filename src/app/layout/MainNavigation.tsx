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
  const entries = navigationEntries();
  const activeTarget = mostSpecificTarget(
    entries.map(({ path }) => `/${path}`),
    pathname,
  );

  return (
    <Stack gap={2}>
      {entries.map(({ path, nav }) => {
        const Icon = nav.icon;
        const label = t(nav.labelKey);
        const target = `/${path}`;
        const active = target === activeTarget;
        return (
          <Tooltip key={path} label={label} position="right" disabled={!collapsed}>
            <MantineNavLink
              component={NavLink}
              to={target}
              end
              active={active}
              aria-current={active ? 'page' : undefined}
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

/**
 * Returns the longest of `targets` that is `pathname` or one of its parent
 * paths, so /settings/sync marks only the sync entry and not also settings;
 * null when none matches.
 */
export function mostSpecificTarget(targets: readonly string[], pathname: string): string | null {
  let best: string | null = null;
  for (const target of targets) {
    const matches = pathname === target || pathname.startsWith(`${target}/`);
    if (matches && (best === null || target.length > best.length)) best = target;
  }
  return best;
}
