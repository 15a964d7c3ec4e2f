import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { subscribeToFlowChanges, type FlowChangeMessage } from './flow-channel';
import {
  addFlowDocument,
  createFlow,
  deleteFlow,
  duplicateFlow,
  getFlow,
  listFlows,
  renameFlow,
  restoreDeletedFlow,
  saveFlowDocument,
} from './flow-repository';

describe('flow repository', () => {
  const database = useFreshDatabase();

  it('creates a flow with exactly one source node', async () => {
    const flow = await createFlow('新流程');

    expect(flow.revision).toBe(1);
    expect(flow.document.name).toBe('新流程');
    expect(flow.document.nodes.map((node) => node.type)).toEqual(['source']);
    expect(flow.document.edges).toEqual([]);
    expect(await getFlow(flow.id)).toEqual(flow);
  });

  it('saves a document and increments the revision', async () => {
    const flow = await createFlow('a');

    const result = await saveFlowDocument({ ...flow.document, name: 'b' }, 1);

    expect(result).toMatchObject({ status: 'saved', revision: 2 });
    expect(await getFlow(flow.id)).toMatchObject({ name: 'b', revision: 2 });
  });

  it('returns a conflict and saves nothing when another save came first', async () => {
    const flow = await createFlow('a');
    await saveFlowDocument({ ...flow.document, name: 'from tab 1' }, 1);

    const result = await saveFlowDocument({ ...flow.document, name: 'from tab 2' }, 1);

    expect(result.status).toBe('conflict');
    expect(result.status === 'conflict' && result.stored.name).toBe('from tab 1');
    expect(await getFlow(flow.id)).toMatchObject({ name: 'from tab 1', revision: 2 });
  });

  it('lets exactly one of two concurrent saves of a revision win', async () => {
    const flow = await createFlow('a');

    const results = await Promise.all([
      saveFlowDocument({ ...flow.document, name: 'x' }, 1),
      saveFlowDocument({ ...flow.document, name: 'y' }, 1),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(['conflict', 'saved']);
  });

  it('reports a save of a deleted flow as missing', async () => {
    const flow = await createFlow('a');
    await deleteFlow(flow.id);

    expect(await saveFlowDocument(flow.document, 1)).toEqual({ status: 'missing' });
  });

  it('gives an added document a new id when its id is taken', async () => {
    const flow = await createFlow('a');

    const copy = await addFlowDocument(flow.document);

    expect(copy.id).not.toBe(flow.id);
    expect(copy.document.id).toBe(copy.id);
    expect(await database().flows.count()).toBe(2);
  });

  it('renames the flow and its document', async () => {
    const flow = await createFlow('a');

    await renameFlow(flow.id, '华东线索');

    expect(await getFlow(flow.id)).toMatchObject({
      name: '华东线索',
      revision: 2,
      document: { name: '华东线索' },
    });
  });

  it('duplicates a flow under a new id', async () => {
    const flow = await createFlow('a');

    const copy = await duplicateFlow(flow.id, 'a (copy)');

    expect(copy?.id).not.toBe(flow.id);
    expect(copy?.document.nodes).toEqual(flow.document.nodes);
    expect(copy?.name).toBe('a (copy)');
  });

  it('deletes a flow with its versions and restores them', async () => {
    const flow = await createFlow('a');
    await database().flowVersions.add({
      id: 'v1',
      flowId: flow.id,
      name: 'v1',
      document: flow.document,
      flowRevision: 1,
      createdAt: 1,
    });

    const deleted = await deleteFlow(flow.id);
    expect(await listFlows()).toEqual([]);
    expect(await database().flowVersions.count()).toBe(0);

    await restoreDeletedFlow(deleted!);
    expect(await getFlow(flow.id)).toEqual(flow);
    expect(await database().flowVersions.get('v1')).toMatchObject({ flowId: flow.id });
  });

  it('lists flows most recently edited first', async () => {
    const first = await createFlow('first');
    await createFlow('second');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await renameFlow(first.id, 'first, edited');

    expect((await listFlows()).map((flow) => flow.name)).toEqual(['first, edited', 'second']);
  });

  it('announces saves to other tabs', async () => {
    const flow = await createFlow('a');
    const otherTab = new BroadcastChannel('sras.flows');
    const arrived = new Promise<FlowChangeMessage>((resolve) => {
      otherTab.onmessage = (event: MessageEvent<FlowChangeMessage>) => resolve(event.data);
    });

    await saveFlowDocument(flow.document, 1);
    const message = await arrived;

    otherTab.close();
    expect(message).toMatchObject({ type: 'saved', flowId: flow.id, revision: 2 });
  });

  it('ignores changes this tab made itself', async () => {
    const flow = await createFlow('a');
    const received: FlowChangeMessage[] = [];
    const unsubscribe = subscribeToFlowChanges((message) => received.push(message));
    const otherTab = new BroadcastChannel('sras.flows');
    const arrived = new Promise<void>((resolve) => {
      otherTab.onmessage = () => resolve();
    });

    await saveFlowDocument(flow.document, 1);
    await arrived;
    await new Promise((resolve) => setTimeout(resolve, 10));

    otherTab.close();
    unsubscribe();
    expect(received).toEqual([]);
  });
});
