import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { App } from '../app/App';
import { buildRouteObjects } from '../app/routes';
import { initI18n, type AppLanguage } from '../i18n/i18n';

/** Renders the whole app at `path` with a memory router, in `language`. */
export async function renderApp(path = '/', language: AppLanguage = 'en') {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  const router = createMemoryRouter(buildRouteObjects(), { initialEntries: [path] });
  const view = render(<App router={router} env="test" />);
  return { ...view, router, i18n };
}
