import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { renderApp } from '../../test/render-app';
import { loadWorkspaceSettings } from './workspace-settings';

describe('SettingsScreen', () => {
  const database = useFreshDatabase();

  it('shows Asia/Shanghai until another zone is chosen', async () => {
    await renderApp('/settings');

    expect(await screen.findByRole('combobox', { name: 'Workspace time zone' })).toHaveValue(
      'Asia/Shanghai',
    );
    expect(screen.getByTestId('time-zone-now')).toHaveTextContent('UTC+08:00');
  });

  it('finds a zone by part of its name and stores it', async () => {
    const user = userEvent.setup();
    await renderApp('/settings');
    const picker = await screen.findByRole('combobox', { name: 'Workspace time zone' });

    await user.click(picker);
    await user.clear(picker);
    await user.type(picker, 'new_yo');
    await user.click(await screen.findByRole('option', { name: 'America/New_York' }));

    await waitFor(async () =>
      expect(await loadWorkspaceSettings(database())).toEqual({ timeZone: 'America/New_York' }),
    );
    expect(
      await screen.findByText('The workspace time zone is now America/New_York.'),
    ).toBeVisible();
  });

  it('says in Chinese that flows keep their own time zone', async () => {
    await renderApp('/settings', 'zh-CN');

    expect(await screen.findByText(/每个分配流程另有自己的时区/)).toBeInTheDocument();
  });
});
