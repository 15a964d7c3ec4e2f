import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { ACTIVATE_UPDATE_MESSAGE, useAppUpdateStore } from './app-update.store';
import { UpdateNotice } from './UpdateNotice';

function renderNotice() {
  return render(
    <MantineProvider env="test">
      <UpdateNotice />
    </MantineProvider>,
  );
}

function fakeWaitingWorker(): ServiceWorker {
  return { postMessage: vi.fn() } as unknown as ServiceWorker;
}

afterEach(() => {
  useAppUpdateStore.setState({ available: false, waiting: null, applying: false });
});

describe('UpdateNotice', () => {
  it('stays hidden while no new version waits', () => {
    initI18n('en');
    renderNotice();

    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('asks the waiting worker to take over when Reload is pressed', async () => {
    initI18n('en');
    const waiting = fakeWaitingWorker();
    useAppUpdateStore.getState().offer(waiting);
    renderNotice();

    expect(await screen.findByText('A new version is available.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));

    expect(waiting.postMessage).toHaveBeenCalledWith(ACTIVATE_UPDATE_MESSAGE);
    expect(useAppUpdateStore.getState().applying).toBe(true);
  });

  it('speaks Chinese in the Chinese interface', async () => {
    initI18n('zh-CN');
    useAppUpdateStore.getState().offer(fakeWaitingWorker());
    renderNotice();

    expect(await screen.findByText('有新版本可用。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument();
  });
});
