import type { Lead, LeadValue } from '../src/index.js';
import { createReference } from '../test/support/json-logic-reference.js';
import {
  FILTER_CONDITION,
  PROVINCE_REGIONS,
  QUOTA_LIMIT,
  REGIONS,
  REPS,
  SCORE_BASE,
  SCORE_RULES,
} from './bench-flow.js';

/**
 * Two baselines of the benchmark flow with the engine's semantics: a loop
 * written by hand for this one flow, and the same loop with every condition
 * interpreted by json-logic-js (with the format's differences registered)
 * for each lead. Both write per-lead columns like the runner's `runColumns`:
 * lead id, owner, route, reason and score.
 */
export interface BaselineColumns {
  leadIds: (string | number)[];
  /** Index into REPS, -1 when unassigned. */
  owners: Int32Array;
  /** Index into ROUTE_TABLE. */
  routes: Int32Array;
  /** 0 assigned, 2 pool, as in the engine's REASON_CODES. */
  reasons: Uint8Array;
  /** The score, NaN for leads that were not scored. */
  scores: Float64Array;
}

const ASSIGNED = 0;
const POOL = 2;

const FILTER_SOURCES = new Set(['web', 'ad', '展会', 'referral']);
const SCORE_INDUSTRIES = new Set(['软件服务', '多元金融', '化学制药']);
const REGION_HANDLE = new Map(REGIONS.map((region, index) => [region.id, index]));
const WEIGHTS = REPS.map((rep) => rep.weight ?? 1);
const CAPS = REPS.map((rep) => rep.capacity?.day ?? Infinity);

// Every route of the flow, numbered: the filter's else, the region split's
// else, then for each region: quota overflow, round-robin overflow, assigned.
const FILTER_ELSE = 0;
const REGION_ELSE = 1;
const REGION_BASE = 2;
const QUOTA_OVERFLOW = 0;
const ROUND_ROBIN_OVERFLOW = 1;
const ROUTED = 2;

/** Routes by id, as `nodeId:handle` steps. */
export const ROUTE_TABLE: readonly (readonly string[])[] = [
  ['src:out', 'f:else'],
  ['src:out', 'f:match', 's:out', 'rs:else'],
  ...REGIONS.flatMap((region) => {
    const toQuota = ['src:out', 'f:match', 's:out', `rs:${region.id}`];
    return [
      [...toQuota, 'q:overflow'],
      [...toQuota, 'q:within', 'rr:overflow'],
      [...toQuota, 'q:within'],
    ];
  }),
];

/** Counters of one allocation: quota use, leads per rep and round-robin current weights. */
interface LoopState {
  quotaUsed: number;
  assigned: Float64Array;
  current: Float64Array;
}

function createColumns(count: number): BaselineColumns {
  return {
    leadIds: new Array<string | number>(count),
    owners: new Int32Array(count),
    routes: new Int32Array(count),
    reasons: new Uint8Array(count),
    scores: new Float64Array(count),
  };
}

function createLoopState(): LoopState {
  return {
    quotaUsed: 0,
    assigned: new Float64Array(REPS.length),
    current: new Float64Array(REPS.length),
  };
}

/** A number from a field as the format reads it: numbers, and text that is entirely a decimal number. */
function numberOf(value: LeadValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return Number.NaN;
  return Number(value);
}

/**
 * Routes a scored lead through the region split, the quota and the round
 * robin and writes its route, owner and reason into the columns.
 */
function routeScoredLead(
  lead: Lead,
  position: number,
  state: LoopState,
  columns: BaselineColumns,
): void {
  const region = PROVINCE_REGIONS[lead.province as string] ?? null;
  columns.owners[position] = -1;
  columns.reasons[position] = POOL;
  if (region === null) {
    columns.routes[position] = REGION_ELSE;
    return;
  }

  const regionBase = REGION_BASE + (REGION_HANDLE.get(region) as number) * 3;
  if (state.quotaUsed >= QUOTA_LIMIT) {
    columns.routes[position] = regionBase + QUOTA_OVERFLOW;
    return;
  }
  state.quotaUsed += 1;

  const { assigned, current } = state;
  let total = 0;
  let best = -1;
  for (let rep = 0; rep < REPS.length; rep += 1) {
    if ((assigned[rep] as number) >= (CAPS[rep] as number)) continue;
    current[rep] = (current[rep] as number) + (WEIGHTS[rep] as number);
    total += WEIGHTS[rep] as number;
    if (best < 0 || (current[rep] as number) > (current[best] as number)) best = rep;
  }
  if (best < 0) {
    columns.routes[position] = regionBase + ROUND_ROBIN_OVERFLOW;
    return;
  }

  current[best] = (current[best] as number) - total;
  assigned[best] = (assigned[best] as number) + 1;
  columns.routes[position] = regionBase + ROUTED;
  columns.owners[position] = best;
  columns.reasons[position] = ASSIGNED;
}

/** The benchmark flow as a plain loop written for it, conditions inline. */
export function allocateHandwritten(leads: readonly Lead[]): BaselineColumns {
  const state = createLoopState();
  const columns = createColumns(leads.length);
  for (let position = 0; position < leads.length; position += 1) {
    const lead = leads[position] as Lead;
    columns.leadIds[position] = lead.id as string;

    const visits = numberOf(lead.visits);
    if (!(visits >= 2 && FILTER_SOURCES.has(lead.source as string))) {
      columns.owners[position] = -1;
      columns.routes[position] = FILTER_ELSE;
      columns.reasons[position] = POOL;
      columns.scores[position] = Number.NaN;
      continue;
    }

    let score = SCORE_BASE;
    if (lead.source === 'web') score += 20;
    if (visits > 8) score += 30;
    if (SCORE_INDUSTRIES.has(lead.industry as string)) score += 25;
    columns.scores[position] = score;
    routeScoredLead(lead, position, state, columns);
  }
  return columns;
}

/**
 * Prepares the same loop with every condition run through json-logic-js
 * (each expression prepared once, then applied to each lead).
 */
export function createInterpretedAllocator(): (leads: readonly Lead[]) => BaselineColumns {
  const filter = createReference(FILTER_CONDITION);
  const rules = SCORE_RULES.map((rule) => ({
    test: createReference(rule.condition),
    points: rule.points,
  }));

  return (leads) => {
    const state = createLoopState();
    const columns = createColumns(leads.length);
    for (let position = 0; position < leads.length; position += 1) {
      const lead = leads[position] as Lead;
      columns.leadIds[position] = lead.id as string;

      if (!filter.test(lead)) {
        columns.owners[position] = -1;
        columns.routes[position] = FILTER_ELSE;
        columns.reasons[position] = POOL;
        columns.scores[position] = Number.NaN;
        continue;
      }

      let score = SCORE_BASE;
      for (const rule of rules) if (rule.test.test(lead)) score += rule.points;
      columns.scores[position] = score;
      routeScoredLead(lead, position, state, columns);
    }
    return columns;
  };
}
