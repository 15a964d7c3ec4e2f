import { describe, expect, it } from 'vitest';
import { checkConnection } from './connection-rules';
import { makeEdge, makeFlow, makeNode } from '../test/flow-fixtures';

describe('checkConnection', () => {
  const flow = makeFlow(
    [
      makeNode('src', 'source'),
      makeNode('f', 'filter'),
      makeNode('rr', 'roundRobin', { assignees: [] }),
      makeNode('pool', 'pool'),
    ],
    [makeEdge('e1', 'src', 'f', 'out'), makeEdge('e2', 'f', 'rr', 'match')],
  );

  it('accepts a connection from a free handle', () => {
    expect(checkConnection(flow, { source: 'f', sourceHandle: 'else', target: 'pool' })).toEqual({
      ok: true,
      sourceHandle: 'else',
    });
  });

  it('uses the only handle of a node when none is named', () => {
    expect(checkConnection(flow, { source: 'rr', target: 'pool' })).toEqual({
      ok: true,
      sourceHandle: 'overflow',
    });
  });

  it('rejects a self-loop', () => {
    expect(checkConnection(flow, { source: 'f', sourceHandle: 'else', target: 'f' })).toEqual({
      ok: false,
      reason: 'self-loop',
    });
  });

  it('rejects an edge into the source', () => {
    expect(checkConnection(flow, { source: 'f', sourceHandle: 'else', target: 'src' })).toEqual({
      ok: false,
      reason: 'target-has-no-input',
    });
  });

  it('rejects a second edge from a connected handle', () => {
    expect(checkConnection(flow, { source: 'f', sourceHandle: 'match', target: 'pool' })).toEqual({
      ok: false,
      reason: 'handle-taken',
    });
  });

  it('rejects an edge that closes a cycle', () => {
    expect(checkConnection(flow, { source: 'rr', sourceHandle: 'overflow', target: 'f' })).toEqual({
      ok: false,
      reason: 'cycle',
    });
  });

  it('rejects a handle the node does not have', () => {
    expect(
      checkConnection(flow, { source: 'f', sourceHandle: 'overflow', target: 'pool' }),
    ).toEqual({
      ok: false,
      reason: 'handle-unknown',
    });
  });

  it('rejects an edge out of a pool, which has no outputs', () => {
    expect(checkConnection(flow, { source: 'pool', target: 'rr' })).toEqual({
      ok: false,
      reason: 'handle-unknown',
    });
  });

  it('rejects a node that does not exist', () => {
    expect(checkConnection(flow, { source: 'f', sourceHandle: 'else', target: 'ghost' })).toEqual({
      ok: false,
      reason: 'target-missing',
    });
  });
});
