import type { FlowDocument } from '@sras/engine';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { createFlow, getFlow, saveFlowDocument } from '../flows/flow-repository';
import { createSyncApi } from '../sync/sync-api.client';
import { readConnection, writeConnection } from '../sync/sync-metadata';
import { connectWorkspace } from '../sync/sync.actions';
import { startSyncTestServer, type SyncTestServer } from '../sync/sync-test-server';
import { syncStore } from '../sync/sync.store';
import { getVersion, saveVersion } from './version-repository';
import { publishVersionEverywhere, publishVersionOnServer } from './version-publishing';

let server: SyncTestServer;

/** source → pool with `reason`: a valid flow whose pool reason shows which version ran. */
function poolFlow(base: FlowDocument, reason: string): FlowDocument {
  return {
    ...base,
    nodes: [
      { id: 'source', type: 'source', position: { x: 0, y: 0 }, data: {} },
      { id: 'pool', type: 'pool', position: { x: 200, y: 0 }, data: { reason } },
    ],
    edges: [{ id: 'e1', source: 'source', sourceHandle: 'out', target: 'pool' }],
  };
}

async function createPoolFlow(reason: string) {
  const flow = await createFlow(`线索分配 ${reason}`);
  const saved = await saveFlowDocument(poolFlow(flow.document, reason), flow.revision);
  if (saved.status !== 'saved') throw new Error('flow not saved');
  return flow.id;
}

async function allocateOne(flowId: string): Promise<string | null> {
  const token = await server.createToken('allocate');
  const response = await fetch(`${server.url}/api/v1/flows/${flowId}/allocate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ lead: { id: 'L1', 手机: '13800000000' } }),
  });
  const body = (await response.json()) as { results: { reasonText: string | null }[] };
  return body.results[0]?.reasonText ?? null;
}

beforeAll(async () => {
  server = await startSyncTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  syncStore.setState({ phase: 'disconnected', conflicts: [], error: null, pending: 0 });
});

describe('publishVersionEverywhere', () => {
  useFreshDatabase();

  it('publishes in this browser only while no workspace is connected', async () => {
    const flowId = await createPoolFlow('本地');
    const version = (await saveVersion(flowId, 'v1'))!;

    const result = await publishVersionEverywhere(version.id, 'en');

    expect(result).toMatchObject({ status: 'published', server: { status: 'local-only' } });
    expect((await getFlow(flowId))?.publishedVersionId).toBe(version.id);
    expect((await getVersion(version.id))?.serverPublish).toBeUndefined();
  });

  it('publishes on the connected server, whose allocation API then runs the version', async () => {
    await connectWorkspace(server.url, server.ownerToken);
    const flowId = await createPoolFlow('服务器');
    const version = (await saveVersion(flowId, 'v1'))!;

    const result = await publishVersionEverywhere(version.id, 'en');

    expect(result).toMatchObject({ status: 'published', server: { status: 'published' } });
    const serverFlow = await createSyncApi({
      serverUrl: server.url,
      token: server.ownerToken,
    }).getFlow(flowId);
    expect(serverFlow.publishedVersion).toBe(1);
    expect((await getVersion(version.id))?.serverPublish).toMatchObject({
      status: 'published',
      version: 1,
    });
    expect(await allocateOne(flowId)).toBe('服务器');
  });

  it('publishes an older version on the server, not the current document', async () => {
    await connectWorkspace(server.url, server.ownerToken);
    const flowId = await createPoolFlow('旧版本');
    const older = (await saveVersion(flowId, 'older'))!;
    const flow = (await getFlow(flowId))!;
    await saveFlowDocument(poolFlow(flow.document, '新版本'), flow.revision);

    await publishVersionEverywhere(older.id, 'en');

    expect(await allocateOne(flowId)).toBe('旧版本');
  });

  it('records why the server publish failed and publishes on retry', async () => {
    await connectWorkspace(server.url, server.ownerToken);
    const connection = (await readConnection())!;
    await writeConnection({ ...connection, serverUrl: 'http://127.0.0.1:9' });
    const flowId = await createPoolFlow('重试');
    const version = (await saveVersion(flowId, 'v1'))!;

    const result = await publishVersionEverywhere(version.id, 'en');

    expect(result).toMatchObject({
      status: 'published',
      server: { status: 'failed', reason: 'offline' },
    });
    expect((await getFlow(flowId))?.publishedVersionId).toBe(version.id);
    expect((await getVersion(version.id))?.serverPublish).toMatchObject({
      status: 'failed',
      reason: 'offline',
    });

    await writeConnection({ ...(await readConnection())!, serverUrl: server.url });
    const retried = await publishVersionOnServer(version.id, 'en');

    expect(retried).toMatchObject({ status: 'published' });
    expect((await getVersion(version.id))?.serverPublish?.status).toBe('published');
    expect(await allocateOne(flowId)).toBe('重试');
  });

  it('reports a viewer token as unable to publish and keeps the local publish', async () => {
    await connectWorkspace(server.url, await server.createToken('viewer'));
    const flowId = await createPoolFlow('只读');
    const version = (await saveVersion(flowId, 'v1'))!;

    const result = await publishVersionEverywhere(version.id, 'en');

    expect(result).toMatchObject({
      status: 'published',
      server: { status: 'failed', reason: 'read-only-token', detail: 'viewer' },
    });
    expect((await getFlow(flowId))?.publishedVersionId).toBe(version.id);
  });
});
