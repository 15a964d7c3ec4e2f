import { describe, expect, it } from 'vitest';
import {
  createClipboardPayload,
  parseClipboardPayload,
  pasteIntoDocument,
} from './clipboard-payload';
import { makeEdge, makeFlow, makeNode } from '../test/flow-fixtures';

describe('clipboard payload', () => {
  const flow = makeFlow(
    [
      makeNode('source1', 'source'),
      makeNode('filter1', 'filter', { condition: { '!!': [{ var: 'phone' }] } }),
      makeNode('pool1', 'pool'),
    ],
    [makeEdge('e1', 'source1', 'filter1', 'out'), makeEdge('e2', 'filter1', 'pool1', 'else')],
  );

  it('keeps only the edges between copied nodes', () => {
    const payload = createClipboardPayload(flow, ['filter1', 'pool1']);

    expect(payload?.nodes.map((n) => n.id)).toEqual(['filter1', 'pool1']);
    expect(payload?.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('gives no payload for an empty selection', () => {
    expect(createClipboardPayload(flow, [])).toBeNull();
  });

  it('parses its own JSON and rejects other text', () => {
    const payload = createClipboardPayload(flow, ['pool1']);

    expect(parseClipboardPayload(JSON.stringify(payload))).toEqual(payload);
    expect(parseClipboardPayload('plain text')).toBeNull();
    expect(
      parseClipboardPayload(
        '{"format":"sras.clipboard","version":1,"nodes":[{"id":1}],"edges":[]}',
      ),
    ).toBeNull();
  });

  it('pastes into another flow with fresh ids and never a second source', () => {
    const payload = createClipboardPayload(flow, ['source1', 'filter1', 'pool1']);
    const other = makeFlow([makeNode('source1', 'source'), makeNode('filter1', 'filter')]);

    const { document, pastedNodeIds } = pasteIntoDocument(other, payload!);

    expect(pastedNodeIds).toEqual(['filter2', 'pool1']);
    expect(document.nodes.filter((n) => n.type === 'source')).toHaveLength(1);
    expect(document.edges).toEqual([
      { id: 'e-filter2-else', source: 'filter2', target: 'pool1', sourceHandle: 'else' },
    ]);
  });

  it('does not share data objects between original and copy', () => {
    const payload = createClipboardPayload(flow, ['filter1'])!;
    const { document } = pasteIntoDocument(flow, payload);

    expect(document.nodes.at(-1)?.data).toEqual(flow.nodes[1]?.data);
    expect(document.nodes.at(-1)?.data).not.toBe(flow.nodes[1]?.data);
  });
});
