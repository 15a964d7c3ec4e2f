import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { SrasDatabase, setDatabaseForTesting } from '../../storage/db';
import { startSyncTestServer, type SyncTestServer } from './sync-test-server';
import { SyncSettingsScreen } from './SyncSettingsScreen';

let server: SyncTestServer;
let databaseName: string;
let run = 0;

beforeAll(async () => {
  server = await startSyncTestServer();
});
afterAll(() => server.close());

beforeEach(() => {
  run += 1;
  databaseName = `sync-settings-${run}-${Date.now()}`;
  setDatabaseForTesting(new SrasDatabase(databaseName));
});
afterEach(async () => {
  await new SrasDatabase(databaseName).delete();
});

async function renderScreen(language: 'en' | 'zh-CN') {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  render(
    <MantineProvider env="test">
      <SyncSettingsScreen />
    </MantineProvider>,
  );
  const address = await screen.findByRole('textbox', {
    name: language === 'en' ? /Server address/ : /服务器地址/,
  });
  return { address, token: screen.getByLabelText(language === 'en' ? /^Token/ : /^令牌/) };
}

describe('SyncSettingsScreen', () => {
  it('shows the install command of the token hint as code, without backticks', async () => {
    await renderScreen('zh-CN');

    const command = await screen.findByText('npx sras workspace create');
    expect(command.tagName).toBe('CODE');
    expect(document.body.textContent).not.toContain('`');
  });

  it('says a token with non-ASCII characters is invalid while it is typed', async () => {
    const user = userEvent.setup();
    const { token } = await renderScreen('en');

    await user.type(token, 'sras_wrong😀');

    expect(await screen.findByText(/This token is invalid/)).toBeTruthy();
  });

  it('says a Chinese token is invalid in Chinese and does not try to connect', async () => {
    const user = userEvent.setup();
    const { token } = await renderScreen('zh-CN');

    await user.type(token, '令牌');
    await user.click(screen.getByRole('button', { name: '连接' }));

    expect(await screen.findByText(/令牌无效/)).toBeTruthy();
    expect(screen.queryByTestId('sync-error')).toBeNull();
  });

  it('names the field and gives an example for an address of another scheme', async () => {
    const user = userEvent.setup();
    const { address } = await renderScreen('zh-CN');

    await user.clear(address);
    await user.type(address, 'ftp://127.0.0.1:8787');

    expect(await screen.findByText(/服务器地址：不支持 ftp:\/\/ 地址/)).toBeTruthy();
  });

  it('connects to a server whose address was typed without http://', async () => {
    const user = userEvent.setup();
    const { address, token } = await renderScreen('en');

    await user.clear(address);
    await user.type(address, server.url.replace(/^http:\/\//, ''));
    await user.type(token, server.ownerToken);
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(
      await screen.findByText(`Connected to workspace "Sync test" on ${server.url} as owner.`),
    ).toBeTruthy();
  });

  it.each([
    ['zh-CN', '连接', '立即同步', '令牌不存在或已被撤销。请向工作区所有者索取新令牌。'],
    [
      'en',
      'Connect',
      'Sync now',
      'The token is unknown or revoked. Ask the workspace owner for a new one.',
    ],
  ] as const)(
    "shows the server's %s message for a token revoked after connecting",
    async (language, connect, syncNow, message) => {
      const user = userEvent.setup();
      const { address, token } = await renderScreen(language);
      const created = await fetch(`${server.url}/api/v1/keys`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${server.ownerToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ role: 'editor' }),
      });
      const key = (await created.json()) as { id: string; token: string };

      await user.clear(address);
      await user.type(address, server.url);
      await user.type(token, key.token);
      await user.click(screen.getByRole('button', { name: connect }));
      await screen.findByTestId('sync-summary');
      const revoked = await fetch(`${server.url}/api/v1/keys/${key.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${server.ownerToken}` },
      });
      await user.click(screen.getByRole('button', { name: syncNow }));

      expect(revoked.status).toBe(200);
      expect(await screen.findByText(message)).toBeTruthy();
    },
  );
});
