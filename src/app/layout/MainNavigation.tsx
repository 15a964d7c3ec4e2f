import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { navigationEntries } from '../routes';

/** Header links to the screens listed in the routes' `nav` entries. */
export function MainNavigation() {
  const { t } = useTranslation();

  return (
    <Group component="nav" gap={4} wrap="nowrap" aria-label={t('nav.label')}>
      {navigationEntries().map(({ path, nav }) => {
        const Icon = nav.icon;
        return (
          <NavLink key={path} to={`/${path}`} style={{ textDecoration: 'none' }}>
            {({ isActive }) => (
              <Button
                component="span"
                variant={isActive ? 'light' : 'subtle'}
                color={isActive ? undefined : 'gray'}
                leftSection={<Icon size={18} />}
              >
                {t(nav.labelKey)}
              </Button>
            )}
          </NavLink>
        );
      })}
    </Group>
  );
}
