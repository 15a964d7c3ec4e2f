import { z } from 'zod';

/**
 * The allocation state carried from one run to the next: round-robin current
 * weights, quota and rep counters per calendar period, and the dedup keys
 * seen with their owners. Plain JSON, versioned like the flow document.
 *
 * Period keys are local to the flow's time zone: `YYYY-MM-DD` for a day,
 * `YYYY-Www` for an ISO week (starting on Monday), `YYYY-MM` for a month, and
 * `total` for a quota without a period.
 */

const counter = z.number().int().nonnegative();
const currentWeight = z.number().refine(Number.isFinite, 'expected a finite number');

export const allocationStateSchema = z.looseObject({
  format: z.literal('sras.state'),
  version: z.literal(1),
  /** Current weight of each assignee by round-robin node id, then rep id. */
  roundRobin: z.record(z.string(), z.record(z.string(), currentWeight)).default({}),
  /**
   * Leads passed to `within` by quota node id, then period key, then the
   * folded value of the `per` field (`""` without `per` or for an empty value).
   */
  quota: z.record(z.string(), z.record(z.string(), z.record(z.string(), counter))).default({}),
  /** Leads assigned to each rep by rep id, then day, week and month key. */
  assigned: z.record(z.string(), z.record(z.string(), counter)).default({}),
  /**
   * Owner by normalised dedup key (`phone:13800000000`, `email:a@b.cn`,
   * `company:示例科技`), null when the lead that brought the key ended
   * unassigned. Kept in first-seen order.
   */
  dedup: z.record(z.string(), z.string().nullable()).default({}),
});

export type AllocationState = z.infer<typeof allocationStateSchema>;

/** The changes a run made to the state, for hosts that store it as rows. */
export interface StateDelta {
  /** Round-robin current weights set (absolute values). */
  roundRobin: { nodeId: string; repId: string; weight: number }[];
  /** Quota counters set (absolute values). */
  quota: { nodeId: string; period: string; value: string; count: number }[];
  /** Rep counters set (absolute values). */
  assigned: { repId: string; period: string; count: number }[];
  /** Dedup keys added, or whose owner was filled in. */
  dedup: { key: string; ownerId: string | null }[];
  /** Counters of past periods that the run dropped from the state. */
  removed: {
    quota: { nodeId: string; period: string }[];
    assigned: { repId: string; period: string }[];
  };
}

/** Version of the state document that this engine writes. */
export const CURRENT_STATE_VERSION = 1;

/** Returns a state with nothing carried over, for a first run. */
export function createEmptyState(): AllocationState {
  return {
    format: 'sras.state',
    version: CURRENT_STATE_VERSION,
    roundRobin: {},
    quota: {},
    assigned: {},
    dedup: {},
  };
}
