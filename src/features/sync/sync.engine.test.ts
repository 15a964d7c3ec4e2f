import type { FlowDocument } from '@sras/engine';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SrasDatabase } from '../../storage/db';
import { createFlow, getFlow, listFlows, saveFlowDocument } from '../flows/flow-repository';
import { createSyncApi } from './sync-api.client';
import { readConnection, readListMeta, writeConnection, writeListMeta } from './sync-metadata';
import { connectWorkspace, createFirstWorkspace, SyncSetupError } from './sync.actions';
import { queueLocalChanges, requestSync, resolveConflict } from './sync.engine';
import { syncStore } from './sync.store';
import { startSyncTestServer, useTestBrowser, type SyncTestServer } from './sync-test-server';
import { writeDataset } from '../data/import/dataset-writer';
import { readExistingOwners } from '../simulation/worker/dataset-source';
import { addRep, addTeam } from '../team/team-repository';
import { getVersion, saveVersion } from '../versions/version-repository';
import { SYNCED_LISTS, SYNCED_OWNERS_DATASET_ID } from './sync-lists';

let server: SyncTestServer;
const realFetch = globalThis.fetch;
let run = 0;
let names: { a: string; b: string };

/** Makes browser `name` (its own IndexedDB database) the current one. */
function useBrowser(name: 'a' | 'b'): void {
  useTestBrowser(names[name]);
}

async function editFlow(
  flowId: string,
  change: (document: FlowDocument) => FlowDocument,
): Promise<void> {
  const flow = await getFlow(flowId);
  if (!flow) throw new Error(`no flow ${flowId}`);
  const saved = await saveFlowDocument(change(flow.document), flow.revision);
  expect(saved.status).toBe('saved');
}

beforeAll(async () => {
  server = await startSyncTestServer();
});
afterAll(() => server.close());

beforeEach(() => {
  run += 1;
  names = { a: `sync-a-${run}-${Date.now()}`, b: `sync-b-${run}-${Date.now()}` };
});
afterEach(async () => {
  for (const name of Object.values(names)) await new SrasDatabase(name).delete();
});

describe('sync engine', () => {
  it('sends a new local flow to the server and brings it to another browser', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow(`线索分配 ${run}`);
    await requestSync();

    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    const pulled = await getFlow(flow.id);

    expect(pulled?.document.name).toBe(`线索分配 ${run}`);
    expect(syncStore.getState().phase).toBe('idle');
  });

  it('brings an edit from one browser to the other', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow('Edit me');
    await requestSync();
    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);

    await editFlow(flow.id, (document) => ({ ...document, name: 'Edited in B' }));
    await requestSync();
    useBrowser('a');
    await requestSync();

    expect((await getFlow(flow.id))?.document.name).toBe('Edited in B');
    expect(syncStore.getState().pending).toBe(0);
  });

  it('reports a conflict with both versions and keeps the local one on request', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow('Shared');
    await requestSync();
    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    await editFlow(flow.id, (document) => ({ ...document, name: 'From B' }));
    await requestSync();

    useBrowser('a');
    await editFlow(flow.id, (document) => ({ ...document, name: 'From A' }));
    await requestSync();
    const [conflict] = syncStore.getState().conflicts;

    expect(conflict).toMatchObject({ kind: 'flow', id: flow.id });
    expect(conflict?.kind === 'flow' && conflict.local?.name).toBe('From A');
    expect(conflict?.kind === 'flow' && conflict.server?.name).toBe('From B');

    await resolveConflict(conflict!, 'keep-local', (name) => `${name} copy`);
    useBrowser('b');
    await requestSync();

    expect((await getFlow(flow.id))?.document.name).toBe('From A');
    expect(syncStore.getState().conflicts).toEqual([]);
  });

  it('takes the server version of a conflict on request', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow('Shared 2');
    await requestSync();
    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    await editFlow(flow.id, (document) => ({ ...document, name: 'Server wins' }));
    await requestSync();

    useBrowser('a');
    await editFlow(flow.id, (document) => ({ ...document, name: 'Lost' }));
    await requestSync();
    await resolveConflict(
      syncStore.getState().conflicts[0]!,
      'keep-server',
      (name) => `${name} copy`,
    );
    const api = createSyncApi({ serverUrl: server.url, token: server.ownerToken });

    expect((await getFlow(flow.id))?.document.name).toBe('Server wins');
    expect((await api.getFlow(flow.id)).document.name).toBe('Server wins');
    expect(syncStore.getState().conflicts).toEqual([]);
  });

  it('keeps both versions as two flows on request', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow('Both');
    await requestSync();
    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    await editFlow(flow.id, (document) => ({ ...document, name: 'Theirs' }));
    await requestSync();

    useBrowser('a');
    await editFlow(flow.id, (document) => ({ ...document, name: 'Mine' }));
    await requestSync();
    await resolveConflict(
      syncStore.getState().conflicts[0]!,
      'keep-both',
      (name) => `${name} (copy)`,
    );
    const names = (await listFlows()).map((record) => record.document.name).sort();

    expect(names).toEqual(expect.arrayContaining(['Mine (copy)', 'Theirs']));
    useBrowser('b');
    await requestSync();
    expect((await listFlows()).map((record) => record.document.name)).toContain('Mine (copy)');
  });

  it('queues edits made offline and sends them once the server answers', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const connection = (await readConnection())!;
    await writeConnection({ ...connection, serverUrl: 'http://127.0.0.1:9' });

    const flow = await createFlow('Offline edit');
    await requestSync();
    const queued = await new SrasDatabase(names.a).syncQueue.toArray();

    expect(syncStore.getState().phase).toBe('offline');
    expect(syncStore.getState().pending).toBe(1);
    expect(queued.map((entry) => entry.entityId)).toEqual([flow.id]);

    await writeConnection({ ...(await readConnection())!, serverUrl: server.url });
    await requestSync();
    const api = createSyncApi({ serverUrl: server.url, token: server.ownerToken });

    expect(syncStore.getState().pending).toBe(0);
    expect((await api.getFlow(flow.id)).document.name).toBe('Offline edit');
  });

  it('does not queue a flow that matches the server', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    await createFlow('Quiet');
    await requestSync();

    expect(await queueLocalChanges()).toBe(0);
  });

  it('adopts a flow already on the server', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow('Pushed before a reload');
    const api = createSyncApi({ serverUrl: server.url, token: server.ownerToken });
    // The push reached the server, but the page reloaded before it stored the response.
    await api.putFlow(flow.document, 0);

    await requestSync();
    expect(syncStore.getState().conflicts).toEqual([]);
    await editFlow(flow.id, (document) => ({ ...document, name: 'Edited after the reload' }));
    await requestSync();

    expect(syncStore.getState().conflicts).toEqual([]);
    expect((await api.getFlow(flow.id)).document.name).toBe('Edited after the reload');
  });

  it('adopts a rep list already on the server', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const api = createSyncApi({ serverUrl: server.url, token: server.ownerToken });
    const now = Date.now();
    await new SrasDatabase(names.a).reps.put({
      id: `r-lost-${run}`,
      name: '李娜',
      team: '华南',
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    const { revision } = await api.getList('reps');
    const reps = SYNCED_LISTS.find((list) => list.kind === 'reps');
    await api.putList('reps', (await reps?.read()) ?? [], revision);

    await requestSync();

    expect(syncStore.getState().conflicts).toEqual([]);
    expect(await queueLocalChanges()).toBe(0);
  });

  it('syncs the rep list', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const now = Date.now();
    await new SrasDatabase(names.a).reps.bulkPut([
      {
        id: `r-${run}`,
        name: '张伟',
        team: '华东',
        active: true,
        formerNames: ['小张'],
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await requestSync();

    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    const reps = await new SrasDatabase(names.b).reps.toArray();

    expect(reps.map((rep) => rep.name)).toContain('张伟');
    expect(reps.find((rep) => rep.id === `r-${run}`)?.formerNames).toEqual(['小张']);
  });

  it('queues rep and team writes of the team repository and syncs them', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const team = await addTeam(`华南 ${run}`);
    const now = Date.now();
    await addRep({
      id: `rt-${run}`,
      name: '李娜',
      team: team.name,
      active: true,
      createdAt: now,
      updatedAt: now,
    });

    await queueLocalChanges();
    const queued = await new SrasDatabase(names.a).syncQueue.toArray();
    expect(queued.map((entry) => entry.entity).sort()).toEqual(['rep', 'team']);

    await requestSync();
    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    const db = new SrasDatabase(names.b);

    expect((await db.reps.get(`rt-${run}`))?.team).toBe(`华南 ${run}`);
    expect((await db.teams.get(team.id))?.name).toBe(`华南 ${run}`);
  });

  it('syncs saved flow versions to the other browser', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow(`带版本 ${run}`);
    const version = (await saveVersion(flow.id, '第一版', '上线前'))!;
    await requestSync();

    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    const pulled = await getVersion(version.id);

    expect(pulled?.name).toBe('第一版');
    expect(pulled?.note).toBe('上线前');
    expect(pulled?.document).toEqual(version.document);
    expect(syncStore.getState().pending).toBe(0);
  });

  it('sends a version document only once', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow(`发送一次 ${run}`);
    const first = (await saveVersion(flow.id, '第一版'))!;
    await requestSync();
    const second = (await saveVersion(flow.id, '第二版'))!;
    const sent: Record<string, unknown>[][] = [];
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      if (String(input).endsWith('/api/v1/flow-versions') && init?.method === 'PUT')
        sent.push(JSON.parse(String(init.body)) as Record<string, unknown>[]);
      return realFetch(input, init);
    });

    try {
      await requestSync();
    } finally {
      fetchSpy.mockRestore();
    }

    const items = new Map(sent.at(-1)!.map((item) => [item.id, item]));
    expect(items.get(first.id)).not.toHaveProperty('document');
    expect(items.get(second.id)?.document).toEqual(second.document);
    expect(syncStore.getState().pending).toBe(0);
  });

  it('fetches version documents when keeping the server list', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow(`版本冲突 ${run}`);
    await requestSync();
    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    useBrowser('a');
    const fromA = (await saveVersion(flow.id, 'A 的版本'))!;
    await requestSync();

    useBrowser('b');
    await saveVersion(flow.id, 'B 的版本');
    await requestSync();
    const conflict = syncStore.getState().conflicts.find((item) => item.kind === 'flow-versions');
    expect(conflict).toBeDefined();
    await resolveConflict(conflict!, 'keep-server', (name) => name);

    expect((await getVersion(fromA.id))?.document).toEqual(fromA.document);
    expect(syncStore.getState().conflicts).toEqual([]);
  });

  it('sends a version whole when the server reports its document missing', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow(`补发 ${run}`);
    const version = (await saveVersion(flow.id, '漏发的版本'))!;
    const meta = await readListMeta('flow-versions');
    // Recorded as if the server already had this version whole.
    await writeListMeta('flow-versions', {
      ...meta!,
      itemIds: [...(meta?.itemIds ?? []), version.id],
    });

    await requestSync();
    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);

    expect(syncStore.getState().error).toBeNull();
    expect((await getVersion(version.id))?.document).toEqual(version.document);
  });

  it('syncs the newest existing-owner list as an owners dataset', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const owners = [
      { owner_id: 'R001', phone: `1380000${String(run).padStart(4, '0')}`, email: null },
      { owner_id: 'R002', phone: null, email: 'buyer@example.com' },
    ];
    await writeDataset(new SrasDatabase(names.a), {
      record: {
        id: `owners-${run}`,
        name: '已有客户',
        kind: 'owners',
        importedAt: Date.now(),
        columns: [
          { key: 'owner_id', header: '负责人', field: 'owner', type: 'text' },
          { key: 'phone', header: '手机', field: 'phone', type: 'text' },
          { key: 'email', header: '邮箱', field: 'email', type: 'text' },
        ],
      },
      rowCount: owners.length,
      rowAt: (index) => owners[index]!,
    });
    await requestSync();
    const onServer = await createSyncApi({
      serverUrl: server.url,
      token: server.ownerToken,
    }).getList('existing-owners');

    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    const pulled = await readExistingOwners(new SrasDatabase(names.b), SYNCED_OWNERS_DATASET_ID);

    expect(onServer.document).toEqual([
      { owner_id: 'R001', phone: owners[0]!.phone, email: null, company: null },
      { owner_id: 'R002', phone: null, email: 'buyer@example.com', company: null },
    ]);
    expect(pulled).toEqual(onServer.document);
    expect(syncStore.getState().pending).toBe(0);
  });

  it('deletes a flow on the other browser after a deletion', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow('To delete');
    await requestSync();
    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);

    useBrowser('a');
    const { deleteFlow } = await import('../flows/flow-repository');
    await deleteFlow(flow.id);
    await requestSync();
    useBrowser('b');
    await requestSync();

    expect(await getFlow(flow.id)).toBeUndefined();
  });

  it('rejects an allocate token', async () => {
    useBrowser('a');
    const token = await server.createToken('allocate');

    await expect(connectWorkspace(server.url, token)).rejects.toBeInstanceOf(SyncSetupError);
    expect(await readConnection()).toBeNull();
  });
});

describe('first-run workspace creation', () => {
  let empty: SyncTestServer;

  beforeAll(async () => {
    empty = await startSyncTestServer({ withWorkspace: false });
  });
  afterAll(() => empty.close());

  it('creates the workspace and connects with its owner token', async () => {
    useBrowser('a');
    const token = await createFirstWorkspace(empty.url, '销售一部');

    expect(token).toMatch(/^sras_/);
    expect((await readConnection())?.workspaceName).toBe('销售一部');
    await expect(createFirstWorkspace(empty.url, 'Second')).rejects.toMatchObject({
      code: 'workspace-exists',
    });
  });
});
