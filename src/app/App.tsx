import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RouterProvider, createBrowserRouter, type createMemoryRouter } from 'react-router';
import { buildRouteObjects } from './routes';
import { theme } from './theme';

type AppRouter = ReturnType<typeof createBrowserRouter> | ReturnType<typeof createMemoryRouter>;

interface AppProps {
  /** Tests pass a memory router; the app builds a browser router. */
  router?: AppRouter;
  /** `test` turns off Mantine's transitions and portals, so that tests do not wait on animations. */
  env?: 'default' | 'test';
}

/** Root component: providers around the router and its screens. */
export function App({ router, env = 'default' }: AppProps) {
  const [appRouter] = useState(() => router ?? createBrowserRouter(buildRouteObjects()));

  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" env={env}>
      <Notifications position="bottom-right" />
      <RouterProvider router={appRouter} />
    </MantineProvider>
  );
}
