import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../test/database';
import { renderApp } from '../test/render-app';
import { mostSpecificTarget } from './layout/MainNavigation';
import { navigationEntries, hasScreenFor } from './routes';

describe('App shell', () => {
  useFreshDatabase();

  it('opens the flows list as the start page', async () => {
    const { router } = await renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Allocation flows' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/flows');
  });

  it('lists every navigation entry in the sidebar', async () => {
    await renderApp('/flows');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link')).toHaveLength(navigationEntries().length);
    expect(within(nav).getByRole('link', { name: 'Flows' })).toHaveAttribute('href', '/flows');
  });

  it('marks only the most specific entry of a nested screen as current', async () => {
    await renderApp('/settings/sync');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });

    const sync = within(nav).getByRole('link', { name: 'Sync' });
    const settings = within(nav).getByRole('link', { name: 'Settings' });
    await waitFor(() => expect(sync).toHaveAttribute('data-active', 'true'));
    expect(sync).toHaveAttribute('aria-current', 'page');
    expect(settings).not.toHaveAttribute('data-active');
    expect(settings).not.toHaveAttribute('aria-current');
  });

  it('folds the sidebar to named icons and remembers it', async () => {
    const user = userEvent.setup();
    await renderApp('/flows');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });

    await user.click(screen.getByRole('button', { name: 'Collapse the sidebar' }));

    expect(within(nav).queryByText('Templates')).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Templates' })).toHaveAttribute(
      'href',
      '/templates',
    );
    expect(screen.getByRole('button', { name: 'Expand the sidebar' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(localStorage.getItem('sras.navCollapsed')).toBe('true');
    localStorage.removeItem('sras.navCollapsed');
  });

  it('switches the language at once', async () => {
    const user = userEvent.setup();
    const { i18n } = await renderApp('/flows');
    await screen.findByRole('heading', { name: 'Allocation flows' });

    await user.click(screen.getByRole('button', { name: /Change language/ }));
    await user.click(await screen.findByRole('menuitem', { name: '简体中文' }));

    expect(await screen.findByRole('heading', { name: '分配流程' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    await i18n.changeLanguage('en');
  });

  it('shows a not-found page for an unknown address', async () => {
    await renderApp('/no/such/screen');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('opens the keyboard-shortcuts dialog with the question mark key', async () => {
    const user = userEvent.setup();
    await renderApp('/flows');
    await screen.findByRole('heading', { name: 'Allocation flows' });

    await user.keyboard('?');

    await waitFor(() =>
      expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible(),
    );
  });
});

describe('mostSpecificTarget', () => {
  it('picks the longest matching path', () => {
    expect(mostSpecificTarget(['/settings', '/settings/sync'], '/settings/sync')).toBe(
      '/settings/sync',
    );
    expect(mostSpecificTarget(['/settings', '/settings/sync'], '/settings')).toBe('/settings');
  });

  it('matches whole path segments only', () => {
    expect(mostSpecificTarget(['/settings'], '/settingsx')).toBeNull();
    expect(mostSpecificTarget(['/flows'], '/flows/abc/versions')).toBe('/flows');
  });
});

describe('hasScreenFor', () => {
  it('knows the flows list and rejects unknown paths', () => {
    expect(hasScreenFor('/flows')).toBe(true);
    expect(hasScreenFor('/nothing-here')).toBe(false);
  });
});
