import { describe, expect, it } from 'vitest';
import type { FlowRecord } from '../../storage/records';
import { filterAndSortFlows } from './flow-list-filter';

function flow(name: string, updatedAt: number, description?: string): FlowRecord {
  return {
    id: name,
    name,
    revision: 1,
    createdAt: 0,
    updatedAt,
    document: {
      format: 'sras.flow',
      version: 1,
      id: name,
      name,
      description,
      timezone: 'Asia/Shanghai',
      nodes: [],
      edges: [],
    },
  };
}

const flows = [flow('Beta', 2), flow('alpha', 3), flow('展会线索', 1, 'Trade show leads')];

describe('filterAndSortFlows', () => {
  it('sorts by last edit, newest first', () => {
    expect(filterAndSortFlows(flows, '', 'updated', 'en').map((f) => f.name)).toEqual([
      'alpha',
      'Beta',
      '展会线索',
    ]);
  });

  it('sorts by name in the language collation', () => {
    expect(filterAndSortFlows(flows, '', 'name', 'en').map((f) => f.name)).toEqual([
      'alpha',
      'Beta',
      '展会线索',
    ]);
  });

  it('matches the name or description, ignoring case', () => {
    expect(filterAndSortFlows(flows, 'ALP', 'updated', 'en').map((f) => f.name)).toEqual(['alpha']);
    expect(filterAndSortFlows(flows, 'trade', 'updated', 'en').map((f) => f.name)).toEqual([
      '展会线索',
    ]);
    expect(filterAndSortFlows(flows, '展会', 'updated', 'zh-CN')).toHaveLength(1);
  });

  it('returns nothing when nothing matches', () => {
    expect(filterAndSortFlows(flows, 'zzz', 'updated', 'en')).toEqual([]);
  });
});
