/**
 * The app's screens. Adding a screen is one entry in `screenRoutes`: its
 * path, a loader for its component (loaded on first visit, in its own
 * chunk), and `nav` when it belongs in the header navigation. Add an entry
 * only when the screen works; the navigation lists exactly the entries that
 * have `nav`.
 */
import type { Icon } from '@tabler/icons-react';
import {
  IconArchive,
  IconChartBar,
  IconCloud,
  IconDatabase,
  IconLayoutGrid,
  IconListDetails,
  IconRoute,
  IconSettings,
  IconTarget,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Navigate, matchRoutes, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { NotFoundScreen } from './layout/NotFoundScreen';
import { RouteErrorBoundary } from './layout/RouteErrorBoundary';
import { ScreenLoading } from './layout/ScreenLoading';

export interface ScreenRoute {
  /** Path below the root without a leading slash, e.g. `flows/:flowId`. */
  path: string;
  /** Loads the screen component. */
  load: () => Promise<ComponentType>;
  /** Header navigation entry, ordered by `order`. */
  nav?: { labelKey: string; icon: Icon; order: number };
}

export const screenRoutes: ScreenRoute[] = [
  {
    path: 'flows',
    load: () => import('../features/flows/FlowsScreen').then((module) => module.FlowsScreen),
    nav: { labelKey: 'common:nav.flows', icon: IconRoute, order: 10 },
  },
  {
    path: 'flows/:flowId',
    load: () => import('../features/editor/EditorScreen').then((module) => module.EditorScreen),
  },
  {
    path: 'templates',
    load: () =>
      import('../features/templates/TemplatesScreen').then((module) => module.TemplatesScreen),
    nav: { labelKey: 'common:nav.templates', icon: IconLayoutGrid, order: 20 },
  },
  {
    path: 'flows/:flowId/simulate',
    load: () =>
      import('../features/simulation/ui/SimulationScreen').then(
        (module) => module.SimulationScreen,
      ),
  },
  {
    path: 'data',
    load: () => import('../features/data/DataScreen').then((module) => module.DataScreen),
    nav: { labelKey: 'data:nav', icon: IconDatabase, order: 30 },
  },
  {
    path: 'team',
    load: () => import('../features/team/TeamScreen').then((module) => module.TeamScreen),
    nav: { labelKey: 'team:nav', icon: IconUsers, order: 40 },
  },
  {
    path: 'data/:datasetId',
    load: () =>
      import('../features/data/table-view/DatasetTableScreen').then(
        (module) => module.DatasetTableScreen,
      ),
  },
  {
    path: 'targets',
    load: () => import('../features/targets/TargetsScreen').then((module) => module.TargetsScreen),
    nav: { labelKey: 'targets:navLabel', icon: IconTarget, order: 60 },
  },
  {
    path: 'dashboard',
    load: () =>
      import('../features/dashboard/DashboardScreen').then((module) => module.DashboardScreen),
    nav: { labelKey: 'dashboard:navLabel', icon: IconChartBar, order: 70 },
  },
  {
    path: 'backup',
    load: () => import('../features/backup/BackupScreen').then((module) => module.BackupScreen),
    nav: { labelKey: 'common:nav.backup', icon: IconArchive, order: 90 },
  },
  {
    path: 'flows/:flowId/versions',
    load: () =>
      import('../features/versions/VersionsScreen').then((module) => module.VersionsScreen),
  },
  {
    path: 'flows/:flowId/versions/:versionId',
    load: () => import('../features/versions/VersionScreen').then((module) => module.VersionScreen),
  },
  {
    path: 'flows/:flowId/compare',
    load: () =>
      import('../features/versions/CompareVersionsScreen').then(
        (module) => module.CompareVersionsScreen,
      ),
  },
  {
    path: 'audit',
    load: () => import('../features/sync/AuditScreen').then((module) => module.AuditScreen),
    nav: { labelKey: 'sync:nav.audit', icon: IconListDetails, order: 80 },
  },
  {
    path: 'guide',
    load: () => import('../features/guide/GuideScreen').then((module) => module.GuideScreen),
  },
  {
    path: 'guide/:language',
    load: () => import('../features/guide/GuideScreen').then((module) => module.GuideScreen),
  },
  {
    path: 'settings',
    load: () =>
      import('../features/settings/SettingsScreen').then((module) => module.SettingsScreen),
    nav: { labelKey: 'settings:nav', icon: IconSettings, order: 94 },
  },
  {
    path: 'settings/sync',
    load: () =>
      import('../features/sync/SyncSettingsScreen').then((module) => module.SyncSettingsScreen),
    nav: { labelKey: 'sync:nav.settings', icon: IconCloud, order: 95 },
  },
];

/** The header navigation entries in order. */
export function navigationEntries(): (ScreenRoute & { nav: NonNullable<ScreenRoute['nav']> })[] {
  return screenRoutes
    .filter((route): route is ScreenRoute & { nav: NonNullable<ScreenRoute['nav']> } =>
      Boolean(route.nav),
    )
    .sort((a, b) => a.nav.order - b.nav.order);
}

/** Route objects for `createBrowserRouter` (or `createMemoryRouter` in tests). */
export function buildRouteObjects(): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppLayout />,
      children: [
        {
          // A pathless route so that a failing screen shows its error inside the shell.
          errorElement: <RouteErrorBoundary />,
          hydrateFallbackElement: <ScreenLoading />,
          children: [
            { index: true, element: <Navigate to="/flows" replace /> },
            ...screenRoutes.map((route): RouteObject => ({
              path: route.path,
              lazy: async () => ({ Component: await route.load() }),
            })),
            { path: '*', element: <NotFoundScreen /> },
          ],
        },
      ],
    },
  ];
}

/** Whether a screen (other than the not-found page) exists for `pathname`. */
export function hasScreenFor(pathname: string): boolean {
  const matches = matchRoutes(buildRouteObjects(), pathname);
  return Boolean(
    matches?.some(
      (match) => match.route.path && match.route.path !== '*' && match.route.path !== '/',
    ),
  );
}
