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
}

/** Root component: providers around the router and its screens. */
export function App({ router }: AppProps) {
  const [appRouter] = useState(() => router ?? createBrowserRouter(buildRouteObjects()));

  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" />
      <RouterProvider router={appRouter} />
    </MantineProvider>
  );
}
