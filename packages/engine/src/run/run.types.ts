import type { ConditionOptions } from '../conditions/index.js';
import type { ExistingOwner, Lead, LeadValue, Rep } from '../flow/flow.types.js';
import type { AllocationState, StateDelta } from '../state/state.schema.js';

/** Reason code of the way a lead ended. */
export type ReasonCode = 'assigned' | 'existing-owner' | 'pool' | 'no-route';

export const REASON_CODES: readonly ReasonCode[] = [
  'assigned',
  'existing-owner',
  'pool',
  'no-route',
];

export interface RunnerOptions {
  /** Field types and empty values of the dataset, for the conditions. */
  conditionOptions?: ConditionOptions;
  /**
   * Whether to generate one function per pipeline for its per-lead loop
   * (see `pipeline.codegen.ts`); default true. Runs with a trace, and hosts
   * that forbid generated code, use the generic loop, which gives the same
   * results.
   */
  codegen?: boolean;
}

export interface RunInput {
  /** Records of strings, numbers and booleans; results come back in this order. */
  leads: readonly Lead[];
  /** The sales team. A rep id that the flow names but this list lacks is never eligible. */
  reps: readonly Rep[];
  /** Customers that already have an owner, for dedup (`phone`, `email`, `company`, `owner_id`). */
  existingOwners?: readonly ExistingOwner[];
  /** State from earlier runs; absent or null for a first run. May hold only some dedup keys. */
  state?: AllocationState | null;
  /**
   * The allocation time injected by the host: epoch milliseconds, a Date, or
   * text in the formats leads use (without an offset it is in the flow's zone).
   */
  now: number | string | Date;
  /** Lead field with each lead's own allocation time; `now` when missing or unreadable. */
  timeField?: string | null;
  /** Adds a {@link LeadTrace} to each result, for explanations; slower. */
  trace?: boolean;
  /**
   * Skips the schema checks of `reps`, `existingOwners` and `state`. For a
   * host that parsed them already (with `repListSchema`,
   * `existingOwnerSchema` and `migrateState`) and passes the parsed values,
   * the state in the current version with every section present. Input that
   * breaks this gives undefined results instead of an EngineInputError.
   * Rep ids used twice, `now` and `timeField` are still checked. Default false.
   */
  trusted?: boolean;
}

export interface LeadResult {
  /** The lead's `id` field, else its 1-based position in the input. */
  leadId: string | number;
  ownerId: string | null;
  /** Node where the lead ended: the assigning node, a pool, or the node of an unconnected output. */
  nodeId: string;
  /**
   * Handles taken, as `nodeId:handle`, in order. Frozen and shared by every
   * lead of the same route; copy it before changing it.
   */
  route: readonly string[];
  /** Fields written by nodes (the score). Frozen and shared by leads with equal values. */
  fields: Readonly<Record<string, LeadValue>>;
  reason: ReasonCode;
  /** The pool node's reason text, when the lead ended in a pool that has one. */
  poolReason: string | null;
  trace?: LeadTrace;
}

/** Status of one rep of an assigning node for one lead: chosen, eligible, or the reason it was skipped. */
export type CandidateStatus =
  'chosen' | 'eligible' | 'inactive' | 'unavailable' | 'at-capacity' | 'unknown';

export interface CandidateTrace {
  repId: string;
  status: CandidateStatus;
  /** For `at-capacity`: the period whose limit was reached, and the limit. */
  period?: 'day' | 'week' | 'month';
  limit?: number;
  /** Round robin: the weight, and the current weight after this lead. */
  weight?: number;
  currentWeight?: number;
  /** Least loaded: open leads plus leads assigned on the allocation date, before this lead. */
  load?: number;
}

export interface DedupMatchTrace {
  /** The normalised key, such as `phone:13800000000`. */
  key: string;
  /** Source of the match: the existing-owners list, the saved state, or an earlier lead of this run. */
  source: 'existing' | 'state' | 'run';
  ownerId: string | null;
}

export type TraceStep =
  | { type: 'source'; nodeId: string; handle: string }
  | { type: 'filter'; nodeId: string; handle: string; matched: boolean }
  | {
      type: 'score';
      nodeId: string;
      handle: string;
      field: string;
      base: number;
      score: number;
      rules: { index: number; label: string | null; points: number; matched: boolean }[];
    }
  | {
      type: 'branch';
      nodeId: string;
      handle: string;
      caseId: string | null;
      caseLabel: string | null;
    }
  | {
      type: 'regionSplit';
      nodeId: string;
      handle: string;
      field: string;
      value: LeadValue;
      /** The value's province, when it names one. */
      province: string | null;
      regionId: string | null;
      regionLabel: string | null;
    }
  | {
      type: 'quota';
      nodeId: string;
      handle: string;
      /** Period key counted against (`2024-05-02`, `2024-W18`, `2024-05`, `total`). */
      period: string;
      /** Folded value of the `per` field, when the quota has one. */
      perValue: string | null;
      /** Leads passed before this one in the period. */
      used: number;
      limit: number;
    }
  | {
      type: 'dedup';
      nodeId: string;
      /** `unique` or `duplicate`; null when the lead was assigned to the existing owner. */
      handle: string | null;
      keys: string[];
      matches: DedupMatchTrace[];
      ownerId: string | null;
      /** Whether that owner is an active rep of the team. */
      ownerActive: boolean;
    }
  | {
      type: 'roundRobin' | 'leastLoaded' | 'assign';
      nodeId: string;
      /** `overflow`, or null when a rep was assigned. */
      handle: string | null;
      repId: string | null;
      candidates: CandidateTrace[];
    }
  | { type: 'pool'; nodeId: string; handle: null; reason: string | null };

export interface LeadTrace {
  /** The lead's allocation time, ISO 8601 in UTC. */
  time: string;
  /** `field` when read from the time field, `fallback` when that was empty or unreadable. */
  timeSource: 'now' | 'field' | 'fallback';
  /** Local date of the allocation time in the flow's zone. */
  day: string;
  steps: TraceStep[];
}

export interface RunSummary {
  total: number;
  assigned: number;
  unassigned: number;
  /** Leads assigned per rep: every rep of the input, in input order. */
  byRep: Record<string, number>;
  /** Leads that entered each node, in pipeline order. */
  byNode: Record<string, number>;
  /** Leads that went along each edge, by edge id. */
  byEdge: Record<string, number>;
  byReason: Record<ReasonCode, number>;
  unassignedByReason: { pool: number; 'no-route': number };
  /** Leads that a dedup node found to be duplicates, and those kept with their existing owner. */
  duplicates: { found: number; keptWithExistingOwner: number };
}

/**
 * The per-lead results of a run as columns: one entry per lead in input
 * order, with repeated values (reps, nodes, routes, reasons) stored as small
 * integers into shared tables. This is what the runner produces; a million
 * leads take a few megabytes here against a hundred or more as objects.
 * {@link leadResultAt} turns one entry into a {@link LeadResult}.
 */
export interface LeadColumns {
  count: number;
  /**
   * The lead's `id` field, else its 1-based position. Read from the input
   * leads, which must therefore stay unchanged while the columns are used.
   */
  leadIdAt(index: number): string | number;
  /** Index into `repIds` of the owner, -1 when unassigned. */
  owners: Int32Array;
  repIds: readonly string[];
  /** Index into `nodeIds` of the node where the lead ended. */
  nodes: Int32Array;
  nodeIds: readonly string[];
  /** The reason text of each node that is a pool with one, else null; indexed like `nodeIds`. */
  poolReasons: readonly (string | null)[];
  /** Index into `routeTable` of the lead's route. */
  routes: Int32Array;
  /** Routes by index; frozen arrays of `nodeId:handle` steps. */
  routeTable: readonly (readonly string[])[];
  /** Index into {@link REASON_CODES}. */
  reasons: Uint8Array;
  /** Index into `fieldsTable` of the fields nodes wrote (the score); 0 for none. */
  fieldIds: Int32Array;
  /** Frozen records of written fields, shared by the leads with equal values; the first is empty. */
  fieldsTable: readonly Readonly<Record<string, LeadValue>>[];
  /** The trace of each lead, when the run was asked for one. */
  traces: LeadTrace[] | null;
}

/** A run's output with the per-lead results as columns. */
export interface RunColumnsResult {
  columns: LeadColumns;
  summary: RunSummary;
  state: AllocationState;
  delta: StateDelta;
}

export interface RunResult {
  results: LeadResult[];
  summary: RunSummary;
  /** The full state to carry into the next run. */
  state: AllocationState;
  /** Changes against the input state, for hosts that store state as rows. */
  delta: StateDelta;
}

/** A run's output without the new state, from {@link Runner.runDelta}. */
export type RunDeltaResult = Omit<RunResult, 'state'>;
