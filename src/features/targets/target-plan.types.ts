/**
 * The target plan document: a yearly target split into months and into the
 * rows of a team tree (company → teams → reps).
 *
 * Only the leaf cells are stored: one whole number per leaf row (a rep, or a
 * team without reps) and month. Every other cell of the grid (a quarter, the
 * year, a team, the company) is the sum of the leaves under it, so the grid
 * adds up exactly in both directions by construction.
 */
import type { CivilDate } from './civil-date';

export const TARGET_PLAN_FORMAT = 'sras.targetPlan';
export const TARGET_PLAN_SCHEMA_VERSION = 1;

/** Unit of every cell: whole yuan of revenue, or a whole count (such as won deals). */
export type TargetUnit = 'yuan' | 'count';

/**
 * Lifecycle of one version of a plan. Only a draft can be edited; approving a
 * draft supersedes the version approved before it for the same year.
 */
export type TargetPlanStatus = 'draft' | 'approved' | 'superseded';

/** Method that splits the yearly total over the twelve months. */
export type TimeSplit =
  | { method: 'even' }
  /** Twelve non-negative weights, January first. */
  | { method: 'seasonal'; monthWeights: number[] }
  /** Last year's monthly sums (amounts, or counts of rows), January first. */
  | { method: 'lastYear'; monthActuals: number[]; source?: ActualsSource };

/** The dataset and columns that last year's or last period's results were read from. */
export interface ActualsSource {
  datasetId: string;
  datasetName?: string;
  dateColumn: string;
  /** Absent when counting rows. */
  amountColumn?: string;
  ownerColumn?: string;
  /** True when only won deals were read; absent on plans made before it was kept. */
  onlyWon?: boolean;
  from: CivilDate;
  to: CivilDate;
}

/** Method that splits each month over teams and reps. */
export type PeopleSplit =
  | { method: 'even' }
  /** By each rep's allocation weight. */
  | { method: 'weight' }
  /** By each leaf row's result in an earlier period, keyed by row key. */
  | { method: 'lastPeriod'; results: Record<string, number>; source?: ActualsSource }
  /** Yearly amounts typed by hand, keyed by row key; they must add up to the total. */
  | { method: 'manual'; amounts: Record<string, number> };

/** A rep as the plan saw them when it was created. */
export interface PlanPerson {
  id: string;
  name: string;
  /** Team name; empty for a rep in no team. */
  team: string;
  /** Allocation weight, at least 0; used by the `weight` people split. */
  weight: number;
  employmentStart?: CivilDate;
  employmentEnd?: CivilDate;
}

/** A team row. Its name is its identity, as reps refer to teams by name. */
export interface PlanTeam {
  name: string;
}

/** One version of a target plan for one year. */
export interface TargetPlan {
  format: typeof TARGET_PLAN_FORMAT;
  schemaVersion: typeof TARGET_PLAN_SCHEMA_VERSION;
  id: string;
  /** Versions of the same plan share this id. */
  lineageId: string;
  name: string;
  year: number;
  unit: TargetUnit;
  status: TargetPlanStatus;
  /** 1 for the first version; each new draft takes the next number. */
  version: number;
  /** The version this draft was copied from. */
  basedOnId?: string;
  timeSplit: TimeSplit;
  peopleSplit: PeopleSplit;
  /** Teams in row order; teams of the people come first, in order of first appearance. */
  teams: PlanTeam[];
  /** People in row order within their team. */
  people: PlanPerson[];
  /** Twelve whole, non-negative numbers per leaf row key. */
  values: Record<string, number[]>;
  /** Keys of locked cells (see `cellKey`). */
  locks: string[];
  /**
   * Notes on what the last split (at creation or a re-split) left out or
   * assumed, so the plan still shows them after a reload. Absent on plans
   * split before notes were kept.
   */
  splitNotes?: PlanSplitNote[];
  createdAt: number;
  updatedAt: number;
  approvedAt?: number;
}

/** A column of the grid: the year, a quarter (q1–q4) or a month (m1–m12). */
export type ColumnKey =
  | 'year'
  | 'q1'
  | 'q2'
  | 'q3'
  | 'q4'
  | 'm1'
  | 'm2'
  | 'm3'
  | 'm4'
  | 'm5'
  | 'm6'
  | 'm7'
  | 'm8'
  | 'm9'
  | 'm10'
  | 'm11'
  | 'm12';

/** A cell of the grid: a row key (`company`, `team:<name>`, `rep:<id>`) and a column. */
export interface CellRef {
  row: string;
  column: ColumnKey;
}

/** Something that stops a plan from being built or changed, as data for the screen to show. */
export type TargetProblem =
  | { code: 'invalid-year'; year: number }
  | { code: 'invalid-total'; total: number }
  | { code: 'no-rows' }
  | { code: 'duplicate-person'; personId: string }
  | { code: 'invalid-weight'; personId: string; weight: number }
  | {
      code: 'invalid-employment-date';
      personId: string;
      field: 'employmentStart' | 'employmentEnd';
      value: string;
    }
  | { code: 'employment-ends-before-start'; personId: string; start: CivilDate; end: CivilDate }
  | { code: 'invalid-month-weights'; month?: number; count?: number }
  | { code: 'no-actuals' }
  | { code: 'no-weight' }
  | { code: 'no-results' }
  | { code: 'invalid-manual-amount'; row: string; amount: number }
  | { code: 'manual-sum-mismatch'; expected: number; actual: number }
  | { code: 'manual-amount-without-active-month'; row: string; amount: number }
  | { code: 'nobody-active'; year: number }
  | { code: 'plan-not-draft'; status: TargetPlanStatus }
  | { code: 'unknown-cell'; cell: CellRef }
  | { code: 'invalid-value'; cell: CellRef; value: number }
  | { code: 'cell-locked'; cell: CellRef }
  | { code: 'inactive-cell'; cell: CellRef }
  | { code: 'locked-exceeds-total'; cell: CellRef; requested: number; locked: number }
  | { code: 'no-unlocked-cells'; cell: CellRef }
  /** The value would take the plan's yearly total over `MAX_PLAN_TOTAL`; `maximum` is the most the cell may have. */
  | { code: 'total-too-large'; cell: CellRef; requested: number; maximum: number }
  /** A stored plan whose total is over `MAX_PLAN_TOTAL` or holds a cell that is not a whole number. */
  | { code: 'plan-values-invalid'; total: number }
  /** A team row with figures of its own would get reps, and its figures would have no row left. */
  | { code: 'team-row-gains-reps'; row: string }
  | {
      code: 'not-enough-to-offset';
      cell: CellRef;
      lockedCell: CellRef;
      requested: number;
      maximum: number;
    };

/** Something worth telling the user about a plan that was built anyway. */
export type TargetNotice =
  | { code: 'months-without-people'; months: number[] }
  | { code: 'negative-actuals-ignored'; months: number[] }
  | { code: 'people-without-results'; rows: string[]; assumed: number }
  | { code: 'rows-inactive-all-year'; rows: string[] };

/** Dataset rows that a split read from a dataset left out. */
export type SplitReadingNote =
  /** Rows with a date or amount that could not be read. */
  | { code: 'skipped-rows'; count: number }
  /** Rows with an amount below zero, such as refunds. `firstRow` is the first one's row in the source file. */
  | {
      code: 'negative-rows';
      datasetName: string;
      amountColumn: string;
      count: number;
      firstRow: number;
    }
  /** Owners that match no rep, at most `MAX_NOTED_OWNERS` of them. */
  | { code: 'unmatched-owners'; owners: string[]; total: number };

/** A fact about how a plan was split: a notice of the split itself, or rows it left out. */
export type PlanSplitNote = TargetNotice | SplitReadingNote;

export type TargetResult<T> =
  { ok: true; value: T; notices: TargetNotice[] } | { ok: false; problems: TargetProblem[] };
