import { describe, expect, it } from 'vitest';
import { computeFairness, type FairnessOptions } from './fairness';
import type { OutcomeRecord } from './outcome-records';

function assignments(nodeId: string, counts: Record<string, number>): OutcomeRecord[] {
  return Object.entries(counts).flatMap(([repId, count]) =>
    Array.from({ length: count }, (_, index): OutcomeRecord => ({
      sourceId: 'run-1',
      sourceKind: 'run',
      rowNumber: index + 1,
      owner: repId,
      createdDay: 0,
      closedDay: null,
      won: false,
      amount: 0,
      stage: null,
      leadSource: null,
      roundRobinNodeId: nodeId,
    })),
  );
}

/** Runs computeFairness with each record's owner as its rep. */
const fairness = (
  pools: Parameters<typeof computeFairness>[0],
  records: OutcomeRecord[],
  options?: FairnessOptions,
) =>
  computeFairness(
    pools,
    records,
    records.map((record) => record.owner),
    options,
  );

describe('computeFairness', () => {
  it('compares actual shares with the shares weights promise', () => {
    const pool = {
      nodeId: 'rr1',
      assignees: [
        { repId: 'a', weight: 2 },
        { repId: 'b', weight: 1 },
        { repId: 'c', weight: 1 },
      ],
    };
    const [result] = fairness([pool], assignments('rr1', { a: 50, b: 25, c: 25 }));
    expect(result?.total).toBe(100);
    expect(result?.rows.map((row) => [row.repId, row.actualShare, row.expectedShare])).toEqual([
      ['a', 0.5, 0.5],
      ['b', 0.25, 0.25],
      ['c', 0.25, 0.25],
    ]);
    expect(result?.alert).toBe(false);
  });

  it('alerts past the threshold and not at it', () => {
    const pool = {
      nodeId: 'rr1',
      assignees: [
        { repId: 'a', weight: 1 },
        { repId: 'b', weight: 1 },
      ],
    };
    const atThreshold = fairness([pool], assignments('rr1', { a: 55, b: 45 }), {
      threshold: 0.05,
      minLeads: 20,
    });
    expect(atThreshold[0]?.alert).toBe(false);
    const past = fairness([pool], assignments('rr1', { a: 56, b: 44 }), {
      threshold: 0.05,
      minLeads: 20,
    });
    expect(past[0]?.alert).toBe(true);
    expect(past[0]?.rows.map((row) => row.alert)).toEqual([true, true]);
    expect(past[0]?.rows[0]?.deviation).toBeCloseTo(0.06, 12);
  });

  it('stays quiet below the minimum number of leads', () => {
    const pool = {
      nodeId: 'rr1',
      assignees: [
        { repId: 'a', weight: 1 },
        { repId: 'b', weight: 1 },
      ],
    };
    const [result] = fairness([pool], assignments('rr1', { a: 9, b: 1 }));
    expect(result).toMatchObject({ total: 10, alert: false, tooFewLeads: true });
  });

  it('lists a rep the pool assigned to but does not list, with an expected share of 0', () => {
    const pool = { nodeId: 'rr1', assignees: [{ repId: 'a', weight: 1 }] };
    const [result] = fairness([pool], assignments('rr1', { a: 30, z: 10 }));
    expect(result?.rows[1]).toMatchObject({
      repId: 'z',
      weight: 0,
      count: 10,
      expectedShare: 0,
      actualShare: 0.25,
      alert: true,
    });
  });

  it('counts each pool separately and ignores records of other nodes', () => {
    const pools = [
      { nodeId: 'rr1', assignees: [{ repId: 'a', weight: 1 }] },
      {
        nodeId: 'rr2',
        assignees: [
          { repId: 'a', weight: 1 },
          { repId: 'b', weight: 1 },
        ],
      },
    ];
    const records = [
      ...assignments('rr1', { a: 5 }),
      ...assignments('rr2', { a: 3, b: 3 }),
      ...assignments('other', { b: 7 }),
    ];
    expect(fairness(pools, records).map((pool) => pool.total)).toEqual([5, 6]);
  });
});
