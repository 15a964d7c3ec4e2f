/**
 * Fairness of round-robin pools: each rep's actual share of the leads a pool
 * assigned, against the share its weight promises (weight ÷ sum of the
 * pool's weights).
 *
 * A share can drift from the promise for good reasons (leave, capacity
 * limits, a rep added mid-period), so an alert only says where to look. With
 * few leads the shares are noisy, so a pool alerts only from `minLeads`
 * leads on.
 */
import type { OutcomeRecord } from './outcome-records';

/** A round-robin node of a flow used by an applied run. */
export interface RoundRobinPool {
  nodeId: string;
  /** Node label or flow name, for display. */
  label?: string;
  assignees: readonly { repId: string; weight: number }[];
}

export interface FairnessRow {
  repId: string;
  weight: number;
  count: number;
  actualShare: number;
  expectedShare: number;
  /** actualShare − expectedShare. */
  deviation: number;
  alert: boolean;
}

export interface PoolFairness {
  nodeId: string;
  label?: string;
  total: number;
  rows: FairnessRow[];
  alert: boolean;
  /** True when the pool has too few leads for an alert. */
  tooFewLeads: boolean;
}

export interface FairnessOptions {
  /** Largest deviation of a share, as a fraction (0.05 = 5 percentage points), before an alert. */
  threshold: number;
  minLeads: number;
}

export const DEFAULT_FAIRNESS_OPTIONS: FairnessOptions = { threshold: 0.05, minLeads: 20 };

/**
 * Computes each pool's shares from run records that carry the assigning
 * round-robin node; `repIds` holds each record's rep at the same index. Reps the pool assigned to but does not list get an
 * expected share of 0.
 */
export function computeFairness(
  pools: readonly RoundRobinPool[],
  records: readonly OutcomeRecord[],
  repIds: readonly (string | undefined)[],
  options: FairnessOptions = DEFAULT_FAIRNESS_OPTIONS,
): PoolFairness[] {
  const countsByPool = new Map<string, Map<string, number>>();
  for (let index = 0; index < records.length; index++) {
    const nodeId = records[index]?.roundRobinNodeId;
    const repId = repIds[index];
    if (!nodeId || !repId) continue;
    const counts = countsByPool.get(nodeId) ?? new Map<string, number>();
    counts.set(repId, (counts.get(repId) ?? 0) + 1);
    countsByPool.set(nodeId, counts);
  }

  return pools.map((pool): PoolFairness => {
    const counts = countsByPool.get(pool.nodeId) ?? new Map<string, number>();
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const weightSum = pool.assignees.reduce(
      (sum, assignee) => sum + Math.max(0, assignee.weight),
      0,
    );
    const tooFewLeads = total < options.minLeads;

    const listed = pool.assignees.map((assignee) => ({
      repId: assignee.repId,
      weight: Math.max(0, assignee.weight),
    }));
    const extra = [...counts.keys()]
      .filter((repId) => !pool.assignees.some((assignee) => assignee.repId === repId))
      .map((repId) => ({ repId, weight: 0 }));

    const rows = [...listed, ...extra].map(({ repId, weight }): FairnessRow => {
      const count = counts.get(repId) ?? 0;
      const actualShare = total > 0 ? count / total : 0;
      const expectedShare = weightSum > 0 ? weight / weightSum : 0;
      const deviation = actualShare - expectedShare;
      // Compare in millionths so that a deviation equal to the threshold does not alert through float noise.
      const alert =
        !tooFewLeads && Math.round(Math.abs(deviation) * 1e6) > Math.round(options.threshold * 1e6);
      return { repId, weight, count, actualShare, expectedShare, deviation, alert };
    });

    return {
      nodeId: pool.nodeId,
      ...(pool.label ? { label: pool.label } : {}),
      total,
      rows,
      alert: rows.some((row) => row.alert),
      tooFewLeads,
    };
  });
}
