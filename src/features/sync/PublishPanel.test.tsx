import { MantineProvider } from '@mantine/core';
import type { FlowDocument } from '@sras/engine';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { roundRobinFlow } from '../../../packages/server/test/fixtures/flows';
import { initI18n } from '../../i18n/i18n';
import { SrasDatabase, setDatabaseForTesting } from '../../storage/db';
import { PublishPanel } from './PublishPanel';
import { createSyncApi, type SyncApi } from './sync-api.client';
import type { SyncConnection } from './sync-metadata';
import { startSyncTestServer, type SyncTestServer } from './sync-test-server';
import { syncStore } from './sync.store';

const REPS = [
  { id: 'r1', name: 'Rep 1' },
  { id: 'r2', name: 'Rep 2' },
];

let server: SyncTestServer;
let api: SyncApi;
let databaseName: string;
let run = 0;

beforeAll(async () => {
  server = await startSyncTestServer();
  api = createSyncApi({ serverUrl: server.url, token: server.ownerToken });
  await api.putList('reps', REPS, 0);
});
afterAll(() => server.close());

beforeEach(() => {
  run += 1;
  databaseName = `publish-panel-${run}-${Date.now()}`;
  // No connection is stored here, so the sync before publishing does nothing.
  setDatabaseForTesting(new SrasDatabase(databaseName));
});
afterEach(async () => {
  await new SrasDatabase(databaseName).delete();
});

async function renderPanel(language: 'en' | 'zh-CN' = 'en') {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  const connection: SyncConnection = {
    serverUrl: server.url,
    token: server.ownerToken,
    workspaceId: server.workspaceId,
    workspaceName: 'Sync test',
    role: 'owner',
    lastSeq: 0,
  };
  return render(
    <MantineProvider env="test">
      <PublishPanel connection={connection} />
    </MantineProvider>,
  );
}

async function putFlow(id: string, name: string): Promise<FlowDocument> {
  const document = { ...roundRobinFlow(id, ['r1', 'r2']), name } as FlowDocument;
  await api.putFlow(document, 0);
  return document;
}

describe('PublishPanel', () => {
  it('publishes the revision shown in the row', async () => {
    await putFlow(`shown-${run}`, 'Shown flow');
    await renderPanel();
    const revision = await screen.findByTestId(`server-flow-revision-shown-${run}`);
    expect(revision).toHaveTextContent('1');

    const row = revision.closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: 'Publish' }));

    expect(await screen.findByText('Published as version 1.')).toBeInTheDocument();
    const stored = await api.getFlow(`shown-${run}`);
    expect(stored.publishedVersion).toBe(1);
  });

  it('publishes nothing when the flow changed on the server after the list loaded', async () => {
    const document = await putFlow(`moved-${run}`, 'Moved flow');
    await renderPanel();
    const revision = await screen.findByTestId(`server-flow-revision-moved-${run}`);
    await api.putFlow({ ...document, name: 'Moved flow, edited elsewhere' }, 1);

    const row = revision.closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: 'Publish' }));

    expect(
      await screen.findByText('Not published: the flow changed on the server'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '“Moved flow” is at revision 2 on the server, but this list showed revision 1. Nothing was published. The list now shows revision 2: check it and publish again.',
      ),
    ).toBeInTheDocument();
    expect((await api.getFlow(`moved-${run}`)).publishedVersion).toBeNull();
    expect(await screen.findByTestId(`server-flow-revision-moved-${run}`)).toHaveTextContent('2');
  });

  it('explains the refusal in Chinese', async () => {
    const document = await putFlow(`moved-zh-${run}`, '广东线索');
    await renderPanel('zh-CN');
    const revision = await screen.findByTestId(`server-flow-revision-moved-zh-${run}`);
    await api.putFlow({ ...document, name: '广东线索（改）' }, 1);

    const row = revision.closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: '发布' }));

    expect(await screen.findByText('未发布：流程在服务器上已被修改')).toBeInTheDocument();
    expect(screen.getByText(/服务器上的“广东线索”已是第 2 次修订/)).toBeInTheDocument();
  });

  it('names the node of a refused flow by its label, not its id', async () => {
    const id = `ghost-${run}`;
    await api.putFlow(
      { ...roundRobinFlow(id, ['ghost-rep']), name: 'Ghost flow' } as FlowDocument,
      0,
    );
    await renderPanel('zh-CN');
    const revision = await screen.findByTestId(`server-flow-revision-${id}`);

    const row = revision.closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: '发布' }));

    const problem = await screen.findByText(/销售 ghost-rep 不在销售团队中/);
    expect(problem).toHaveTextContent(/^轮询分配：/);
    expect(problem).not.toHaveTextContent('rr：');
  });

  it('publishes nothing while a conflict on the reps is open', async () => {
    const id = `blocked-${run}`;
    await putFlow(id, 'Blocked flow');
    syncStore.setState({
      conflicts: [{ kind: 'reps', id: 'reps', local: [], serverRevision: 2, server: REPS }],
    });
    try {
      await renderPanel();
      const revision = await screen.findByTestId(`server-flow-revision-${id}`);

      const row = revision.closest('tr') as HTMLElement;
      await userEvent.click(within(row).getByRole('button', { name: 'Publish' }));

      expect(
        await screen.findByText('Not published: resolve the conflict first'),
      ).toBeInTheDocument();
      expect(screen.getByText(/^Reps changed both here and on the server/)).toBeInTheDocument();
      expect((await api.getFlow(id)).publishedVersion).toBeNull();
    } finally {
      syncStore.setState({ conflicts: [] });
    }
  });
});
