import type { FlowDocument } from '@sras/engine';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SrasDatabase } from '../../storage/db';
import { createFlow, getFlow, saveFlowDocument } from '../flows/flow-repository';
import { saveVersion } from '../versions/version-repository';
import { publishVersionEverywhere } from '../versions/version-publishing';
import { mergeFlowsToCheck, readLocalFlowsToCheck, readServerFlowsToCheck } from './flows-to-check';
import { flowsLosingReps } from './rep-conflict';
import { createSyncApi } from './sync-api.client';
import { readConnection, readFlowMetas, writeConnection } from './sync-metadata';
import { connectWorkspace } from './sync.actions';
import { requestSync } from './sync.engine';
import { startSyncTestServer, useTestBrowser, type SyncTestServer } from './sync-test-server';
import { addRep } from '../team/team-repository';

let server: SyncTestServer;
let run = 0;
let names: { a: string; b: string };
let zhangWei: { id: string; name: string; active: boolean };

/** Makes browser `name` (its own IndexedDB database) the current one. */
function useBrowser(name: 'a' | 'b'): void {
  useTestBrowser(names[name]);
}

/** Adds a round-robin node that assigns to `repId` to a stored flow. */
async function assignTo(flowId: string, repId: string): Promise<void> {
  const flow = await getFlow(flowId);
  if (!flow) throw new Error(`no flow ${flowId}`);
  const document: FlowDocument = {
    ...flow.document,
    nodes: [
      ...flow.document.nodes,
      {
        id: `rotation-${repId}`,
        type: 'roundRobin',
        position: { x: 200, y: 0 },
        data: { assignees: [{ repId }] },
      },
    ],
  };
  expect((await saveFlowDocument(document, flow.revision)).status).toBe('saved');
}

beforeAll(async () => {
  server = await startSyncTestServer();
});
afterAll(() => server.close());

beforeEach(() => {
  run += 1;
  names = { a: `check-a-${run}-${Date.now()}`, b: `check-b-${run}-${Date.now()}` };
  // Every test shares the server's rep list, so each adds its own rep.
  zhangWei = { id: `rep-zhang-${run}`, name: '张伟', active: true };
});
afterEach(async () => {
  for (const name of Object.values(names)) await new SrasDatabase(name).delete();
});

describe('readLocalFlowsToCheck', () => {
  it('includes a flow pulled from the server, so its reps count', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    await addRep({ ...zhangWei, team: '', createdAt: 1, updatedAt: 1 });
    const flow = await createFlow(`华南分配 ${run}`);
    await assignTo(flow.id, zhangWei.id);
    await requestSync();

    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    const flows = await readLocalFlowsToCheck();

    const risks = flowsLosingReps([], [zhangWei], flows);
    expect(risks).toContainEqual(
      expect.objectContaining({ flowId: flow.id, published: false, reps: ['张伟'] }),
    );
  });
});

describe('readServerFlowsToCheck', () => {
  it('checks the version the server runs when a browser published it', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    await addRep({ ...zhangWei, team: '', createdAt: 1, updatedAt: 1 });
    const flow = await createFlow(`华北分配 ${run}`);
    await assignTo(flow.id, zhangWei.id);
    const version = await saveVersion(flow.id, 'v1');
    if (!version) throw new Error('no version');
    const published = await publishVersionEverywhere(version.id, 'zh-CN');
    expect(published).toMatchObject({ status: 'published', server: { status: 'published' } });
    // The draft then drops the rep; only the published version still assigns to it.
    const edited = await getFlow(flow.id);
    if (!edited) throw new Error('no flow');
    await saveFlowDocument(
      {
        ...edited.document,
        nodes: edited.document.nodes.filter((node) => node.type !== 'roundRobin'),
      },
      edited.revision,
    );
    await requestSync();

    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    const check = await readServerFlowsToCheck();
    const flows = mergeFlowsToCheck(await readLocalFlowsToCheck(), check);

    expect(check.unchecked.filter((item) => item.flowId === flow.id)).toEqual([]);
    expect(flowsLosingReps([], [zhangWei], flows)).toEqual([
      expect.objectContaining({ flowId: flow.id, published: true, reps: ['张伟'] }),
    ]);
  });

  it('lists a flow the server publishes from a revision as not checked', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const flow = await createFlow(`西南分配 ${run}`);
    await requestSync();
    const meta = (await readFlowMetas()).get(flow.id);
    if (!meta) throw new Error('flow not synced');
    const api = createSyncApi({ serverUrl: server.url, token: server.ownerToken });
    const { version } = await api.publishFlow(flow.id, meta.serverRevision);

    useBrowser('b');
    await connectWorkspace(server.url, server.ownerToken);
    const check = await readServerFlowsToCheck();

    expect(check.unreachable).toBe(false);
    expect(check.unchecked).toContainEqual({
      flowId: flow.id,
      flowName: `西南分配 ${run}`,
      version,
    });
    expect(check.flows.map((item) => item.flowId)).not.toContain(flow.id);
  });

  it('reports an unreachable server instead of claiming no flow is published', async () => {
    useBrowser('a');
    await connectWorkspace(server.url, server.ownerToken);
    const connection = await readConnection();
    if (!connection) throw new Error('not connected');
    // Nothing listens on port 9 of the loopback address.
    await writeConnection({ ...connection, serverUrl: 'http://127.0.0.1:9' });

    const check = await readServerFlowsToCheck();

    expect(check).toEqual({ flows: [], unchecked: [], unreachable: true });
  });

  it('adds nothing without a connected workspace', async () => {
    useBrowser('a');

    expect(await readServerFlowsToCheck()).toEqual({
      flows: [],
      unchecked: [],
      unreachable: false,
    });
  });
});

describe('mergeFlowsToCheck', () => {
  const document = { nodes: [] };
  const local = [
    { flowId: 'f1', flowName: 'F1', published: false, document },
    { flowId: 'f1', flowName: 'F1', published: true, document },
    { flowId: 'f2', flowName: 'F2', published: true, document },
  ];

  it('replaces the local published mark of a flow the server publishes', () => {
    const serverVersion = { flowId: 'f1', flowName: 'F1', published: true, document };
    const merged = mergeFlowsToCheck(local, {
      flows: [serverVersion],
      unchecked: [],
      unreachable: false,
    });

    expect(merged).toEqual([local[0], local[2], serverVersion]);
  });

  it('keeps the local marks while the server has not answered or is unreachable', () => {
    expect(mergeFlowsToCheck(local, null)).toEqual(local);
    expect(mergeFlowsToCheck(local, { flows: [], unchecked: [], unreachable: true })).toEqual(
      local,
    );
  });
});
