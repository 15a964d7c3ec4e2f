/**
 * Dashboard records: one per lead or deal, read from a dataset whose columns
 * map to outcome fields, or from the per-lead results of an applied run.
 * Dates are calendar days in the workspace time zone, kept as day numbers.
 */
import { MAX_AMOUNT_YUAN } from '@sras/import';
import {
  DEFAULT_TIME_ZONE,
  MAX_LISTED_ISSUES,
  dateInTimeZone,
  readAmountCell,
  readDayNumberCell,
  type RowIssue,
} from '../targets';
import { createWonTest, type OutcomeMapping, type WonRule } from './outcome-fields';

export interface OutcomeRecord {
  /** Dataset id or run id. */
  sourceId: string;
  sourceKind: 'dataset' | 'run';
  /** 1-based row of the dataset, or 1-based lead of the run. */
  rowNumber: number;
  /** Owner as written in the dataset, or the rep id a run assigned. */
  owner: string;
  /** Day the lead was created or assigned; null when unknown. */
  createdDay: number | null;
  /** Day the deal closed; null when unknown. */
  closedDay: number | null;
  won: boolean;
  /** Deal amount in yuan; 0 when unknown or negative. */
  amount: number;
  stage: string | null;
  /** Lead source (channel); null when unknown. */
  leadSource: string | null;
  /** Round-robin node that assigned the lead, for runs. */
  roundRobinNodeId?: string;
  /**
   * Identity of the lead across sources: its id (the column mapped to the
   * standard field `id`), else its dataset and row (`datasetId#row`). See
   * `mergeRunAssignments`.
   */
  leadKey?: string;
}

/**
 * A cell the dashboard could not read or left out. It adds three codes to
 * those the targets feature shares. `amount-too-large`: above
 * MAX_AMOUNT_YUAN and left out of revenue. `won-close-date-invalid`: a won
 * deal's close date is unreadable, so it counts as won on its created date.
 * `won-dates-invalid`: its created date is unreadable or missing too, so it
 * does not count as won.
 */
export interface RecordIssue extends Omit<RowIssue, 'code'> {
  code: RowIssue['code'] | 'amount-too-large' | 'won-close-date-invalid' | 'won-dates-invalid';
}

export interface RecordsRead {
  records: OutcomeRecord[];
  issues: RecordIssue[];
  issueCount: number;
}

function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

function textOf(value: unknown): string | null {
  if (isBlank(value)) return null;
  return String(value).trim();
}

/** The lead's id as text when `idColumn` has one, else its dataset and 1-based row. */
export function leadKeyOf(
  row: Record<string, unknown>,
  idColumn: string | undefined,
  datasetId: string,
  rowNumber: number,
): string {
  const id = idColumn ? textOf(row[idColumn]) : null;
  return id ?? `${datasetId}#${rowNumber}`;
}

/** The stage column's value, else the status column's. */
function stageOf(row: Record<string, unknown>, mapping: OutcomeMapping): string | null {
  const column = mapping.stage ?? mapping.status;
  return column ? textOf(row[column]) : null;
}

/**
 * Reads a dataset's rows into records. Unreadable dates and amounts are
 * listed as issues and read as unknown, and negative amounts are listed and
 * read as 0; the row still counts.
 */
export function readDatasetRecords(
  dataset: {
    id: string;
    rows: Iterable<Record<string, unknown>>;
    firstRowNumber?: number;
    /** Source file row of each row, used in issues; the dataset row number when absent. */
    sourceRows?: readonly number[];
    /** Column of the lead id, when the dataset has one. */
    idColumn?: string;
  },
  rule: WonRule,
  timeZone: string = DEFAULT_TIME_ZONE,
): RecordsRead {
  const { mapping } = rule;
  const records: OutcomeRecord[] = [];
  const issues: RecordIssue[] = [];
  let issueCount = 0;
  const addIssue = (issue: RecordIssue): void => {
    issueCount++;
    if (issues.length < MAX_LISTED_ISSUES) issues.push(issue);
  };

  const isWon = createWonTest(rule);
  // Exports repeat the same few hundred dates, so each distinct value is parsed once.
  const dayCache = new Map<unknown, number | null>();
  const readDay = (
    row: Record<string, unknown>,
    issueRow: number,
    column: string | undefined,
    invalidCode: RecordIssue['code'] = 'invalid-date',
  ): number | null => {
    if (!column || isBlank(row[column])) return null;
    const value = row[column];
    let day = dayCache.get(value);
    if (day === undefined) {
      day = readDayNumberCell(value, timeZone);
      if (typeof value === 'string' || typeof value === 'number') dayCache.set(value, day);
    }
    if (day === null) addIssue({ row: issueRow, column, code: invalidCode, value });
    return day;
  };

  const firstRowNumber = dataset.firstRowNumber ?? 1;
  let rowNumber = firstRowNumber - 1;
  for (const row of dataset.rows) {
    rowNumber++;
    const issueRow = dataset.sourceRows?.[rowNumber - firstRowNumber] ?? rowNumber;
    let amount = 0;
    if (mapping.amount && !isBlank(row[mapping.amount])) {
      const read = readAmountCell(row[mapping.amount]);
      if (read === null)
        addIssue({
          row: issueRow,
          column: mapping.amount,
          code: 'invalid-amount',
          value: row[mapping.amount],
        });
      // A negative amount is listed and counted as 0, so it never lowers revenue.
      if (read !== null && read < 0)
        addIssue({
          row: issueRow,
          column: mapping.amount,
          code: 'negative-amount',
          value: row[mapping.amount],
        });
      // An amount above the limit is a typing error or has lost digits, so it stays out of revenue.
      if (read !== null && read > MAX_AMOUNT_YUAN)
        addIssue({
          row: issueRow,
          column: mapping.amount,
          code: 'amount-too-large',
          value: row[mapping.amount],
        });
      amount = read !== null && read > 0 && read <= MAX_AMOUNT_YUAN ? read : 0;
    }

    // A won deal whose close date is unreadable counts as won on its created date, like one
    // without a close date. Its issue code tells the manager which of the two happened.
    const won = isWon(row);
    const createdDay = readDay(row, issueRow, mapping.createdAt);
    const closedInvalid = !won
      ? 'invalid-date'
      : createdDay === null
        ? 'won-dates-invalid'
        : 'won-close-date-invalid';
    records.push({
      sourceId: dataset.id,
      sourceKind: 'dataset',
      rowNumber,
      owner: mapping.owner ? (textOf(row[mapping.owner]) ?? '') : '',
      createdDay,
      closedDay: readDay(row, issueRow, mapping.closedAt, closedInvalid),
      won,
      amount,
      stage: stageOf(row, mapping),
      leadSource: mapping.source ? textOf(row[mapping.source]) : null,
      leadKey: leadKeyOf(row, dataset.idColumn, dataset.id, rowNumber),
    });
  }
  return { records, issues, issueCount };
}

/** One lead's result in a run, as the dashboard reads it. */
export interface RunLeadResult {
  ownerId: string | null;
  /** Round-robin node that chose the owner, when one did. */
  roundRobinNodeId?: string | null;
}

/** A run with its leads and results, in input order. */
export interface RunInput {
  id: string;
  /** Absent for a simulation: such a run never counts. */
  appliedAt?: number;
  /** Allocation time of the run, epoch milliseconds. */
  now: number;
  leads: readonly Record<string, unknown>[];
  results: readonly RunLeadResult[];
  /** Dataset columns of the leads' creation date and source, when mapped. */
  mapping?: Pick<OutcomeMapping, 'createdAt' | 'source'>;
  /** Dataset the run's leads are the rows of, and its lead-id column, for `leadKey`. */
  datasetId?: string;
  idColumn?: string;
}

/**
 * Reads the assignments of an applied run: one record per lead with an
 * owner, dated by the lead's creation date when the dataset has one, else by
 * the run's allocation time. Returns nothing for a run that was not applied.
 */
export function readRunRecords(
  run: RunInput,
  timeZone: string = DEFAULT_TIME_ZONE,
): OutcomeRecord[] {
  if (run.appliedAt === undefined) return [];

  const runDay = readDayNumberCell(dateInTimeZone(run.now, timeZone), timeZone);
  const records: OutcomeRecord[] = [];
  run.results.forEach((result, index) => {
    if (!result.ownerId) return;
    const lead = run.leads[index] ?? {};
    const created = run.mapping?.createdAt
      ? readDayNumberCell(lead[run.mapping.createdAt], timeZone)
      : null;

    records.push({
      sourceId: run.id,
      sourceKind: 'run',
      rowNumber: index + 1,
      owner: result.ownerId,
      createdDay: created ?? runDay,
      closedDay: null,
      won: false,
      amount: 0,
      stage: null,
      leadSource: run.mapping?.source ? textOf(lead[run.mapping.source]) : null,
      ...(run.datasetId
        ? { leadKey: leadKeyOf(lead, run.idColumn, run.datasetId, index + 1) }
        : {}),
      ...(result.roundRobinNodeId ? { roundRobinNodeId: result.roundRobinNodeId } : {}),
    });
  });
  return records;
}

/**
 * Counts each lead once when it is both in a dataset and in applied runs.
 * Leads are matched by `leadKey`. The applied run decides the assignment
 * (owner, day assigned, round-robin node); the dataset row gives the
 * outcome (won, amount, close date, stage, and the source when it has one).
 * `runRecords` are taken newest run first, and a lead in several runs keeps
 * the first. A dataset row without a matching run, and a run's lead without
 * a matching row, count as they are. Rows of one dataset that repeat a key
 * are left as they are; only the first takes the run's assignment.
 */
export function mergeRunAssignments(
  datasetRecords: readonly OutcomeRecord[],
  runRecords: readonly OutcomeRecord[],
): OutcomeRecord[] {
  const assignments = new Map<string, OutcomeRecord>();
  for (const record of runRecords) {
    if (record.leadKey !== undefined && !assignments.has(record.leadKey))
      assignments.set(record.leadKey, record);
  }

  const merged: OutcomeRecord[] = [];
  const used = new Set<OutcomeRecord>();
  for (const record of datasetRecords) {
    const assignment = record.leadKey === undefined ? undefined : assignments.get(record.leadKey);
    if (!assignment || used.has(assignment)) {
      merged.push(record);
      continue;
    }
    used.add(assignment);
    merged.push({
      ...assignment,
      won: record.won,
      amount: record.amount,
      closedDay: record.closedDay,
      stage: record.stage,
      leadSource: record.leadSource ?? assignment.leadSource,
    });
  }

  const counted = new Set<string>();
  for (const record of runRecords) {
    if (used.has(record)) continue;
    if (record.leadKey !== undefined) {
      if (counted.has(record.leadKey) || assignments.get(record.leadKey) !== record) continue;
      counted.add(record.leadKey);
    }
    merged.push(record);
  }
  return merged;
}
