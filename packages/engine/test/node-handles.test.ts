import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../src/flow/flow.types.js';
import { getOutputHandles, resolveSourceHandle } from '../src/flow/node-handles.js';

describe('getOutputHandles', () => {
  it.each([
    ['source', ['out']],
    ['filter', ['match', 'else']],
    ['score', ['out']],
    ['quota', ['within', 'overflow']],
    ['dedup', ['unique', 'duplicate']],
    ['roundRobin', ['overflow']],
    ['leastLoaded', ['overflow']],
    ['assign', ['overflow']],
    ['pool', []],
  ])('lists the fixed handles of a %s node', (type, handles) => {
    expect(getOutputHandles({ type, data: {} })).toEqual(handles);
  });

  it('lists the case ids of a branch before else', () => {
    const node = { type: 'branch', data: { cases: [{ id: 'vip' }, { id: 'hot' }] } };

    expect(getOutputHandles(node)).toEqual(['vip', 'hot', 'else']);
  });

  it('lists the region ids of a region split before else', () => {
    const node = { type: 'regionSplit', data: { regions: [{ id: 'east', values: [] }] } };

    expect(getOutputHandles(node)).toEqual(['east', 'else']);
  });

  it('leaves out cases without a usable id', () => {
    const node = {
      type: 'branch',
      data: { cases: [{ id: '' }, { id: 'a' }, { id: 'a' }, { id: 'else' }, { id: 3 }, null] },
    };

    expect(getOutputHandles(node)).toEqual(['a', 'else']);
  });

  it('gives a branch without cases only else', () => {
    expect(getOutputHandles({ type: 'branch' })).toEqual(['else']);
  });

  it('gives an unknown node type no handles', () => {
    expect(getOutputHandles({ type: 'webhook', data: {} })).toEqual([]);
  });

  it('covers every node type of the format', () => {
    for (const type of NODE_TYPES) {
      expect(Array.isArray(getOutputHandles({ type, data: {} }))).toBe(true);
    }
  });
});

describe('resolveSourceHandle', () => {
  it('returns the handle the edge names', () => {
    expect(resolveSourceHandle({ sourceHandle: 'else' }, ['match', 'else'])).toBe('else');
  });

  it.each([[undefined], [null], ['']])('uses the only handle when the edge names %j', (handle) => {
    expect(resolveSourceHandle({ sourceHandle: handle }, ['out'])).toBe('out');
  });

  it('returns null for an unnamed handle on a node with several', () => {
    expect(resolveSourceHandle({}, ['match', 'else'])).toBeNull();
  });
});
