/**
 * The split choices of the plan form and how they become split methods,
 * reading the chosen datasets for last year's actuals and last period's
 * results.
 */
import { createOwnerMatcher, createWonTest, suggestOutcomeMapping } from '../dashboard';
import type { DatasetRecord } from '../../storage/records';
import { annualiseResult, sumByMonth, sumByOwner } from './actuals';
import { type CivilDate, DEFAULT_TIME_ZONE, isCivilDate } from './civil-date';
import { readDatasetRowsWithNumbers, withFormerNames } from './dataset-reader';
import { personRowKey } from './plan-grid';
import type {
  ActualsSource,
  PeopleSplit,
  PlanPerson,
  SplitReadingNote,
  TimeSplit,
} from './target-plan.types';

export type TimeSplitChoice = TimeSplit['method'];
export type PeopleSplitChoice = PeopleSplit['method'];

/** Dataset and columns to read results from. */
export interface DatasetChoice {
  datasetId: string | null;
  dateColumn: string | null;
  /** Null: count rows. */
  amountColumn: string | null;
  ownerColumn: string | null;
  onlyWon: boolean;
  from: CivilDate;
  to: CivilDate;
}

export interface SplitFormState {
  time: TimeSplitChoice;
  monthWeights: number[];
  actuals: DatasetChoice;
  people: PeopleSplitChoice;
  results: DatasetChoice;
  /** Yearly amounts typed by hand, keyed by row key. */
  manualAmounts: Record<string, number>;
}

export function emptyDatasetChoice(year: number): DatasetChoice {
  return {
    datasetId: null,
    dateColumn: null,
    amountColumn: null,
    ownerColumn: null,
    onlyWon: true,
    from: `${year - 1}-01-01`,
    to: `${year - 1}-12-31`,
  };
}

/**
 * Returns the dataset choice a split was read with, to split again the same
 * way, or an empty choice when the split read no dataset or its dataset is
 * gone.
 */
export function choiceFromSource(
  source: ActualsSource | undefined,
  year: number,
  datasets: readonly Pick<DatasetRecord, 'id'>[],
): DatasetChoice {
  const empty = emptyDatasetChoice(year);
  if (!source || !datasets.some((dataset) => dataset.id === source.datasetId)) return empty;
  return {
    datasetId: source.datasetId,
    dateColumn: source.dateColumn,
    amountColumn: source.amountColumn ?? null,
    ownerColumn: source.ownerColumn ?? null,
    onlyWon: source.onlyWon ?? empty.onlyWon,
    from: source.from,
    to: source.to,
  };
}

export function initialSplitForm(year: number): SplitFormState {
  return {
    time: 'even',
    monthWeights: new Array<number>(12).fill(1),
    actuals: emptyDatasetChoice(year),
    people: 'even',
    results: emptyDatasetChoice(year),
    manualAmounts: {},
  };
}

/** Fills the column choices of a dataset from its mapped or recognised columns. */
export function suggestDatasetChoice(
  dataset: DatasetRecord,
  current: DatasetChoice,
): DatasetChoice {
  const mapping = suggestOutcomeMapping(dataset.columns);
  return {
    ...current,
    datasetId: dataset.id,
    dateColumn: mapping.closedAt ?? mapping.createdAt ?? null,
    amountColumn: mapping.amount ?? null,
    ownerColumn: mapping.owner ?? null,
  };
}

/** Rows of a dataset left out of a split because their amount is below zero. */
export interface IgnoredNegativeRows {
  datasetName: string;
  amountColumn: string;
  count: number;
  /** Source file row of the first one (its dataset row when the file's rows were not kept). */
  firstRow: number;
}

export type SplitResolution =
  | {
      ok: true;
      timeSplit: TimeSplit;
      peopleSplit: PeopleSplit;
      /** Unreadable rows and unmatched owners met while reading datasets. */
      skippedRows: number;
      unmatchedOwners: string[];
      /** Per split read from a dataset, the rows left out for a negative amount. */
      negativeRows: IgnoredNegativeRows[];
    }
  | { ok: false; errorKey: string };

function wonFilter(
  dataset: DatasetRecord,
  onlyWon: boolean,
): ((row: Record<string, unknown>) => boolean) | undefined {
  if (!onlyWon) return undefined;
  const mapping = suggestOutcomeMapping(dataset.columns);
  if (!mapping.wonFlag && !mapping.status && !mapping.stage) return undefined;
  return createWonTest({ mapping });
}

/**
 * Turns the form's choices into split methods, reading datasets where needed.
 * Dates with a time and an offset count in the month they fall in in
 * `context.timeZone` (the workspace time zone; Asia/Shanghai when absent).
 */
export async function resolveSplits(
  state: SplitFormState,
  context: {
    year: number;
    people: readonly PlanPerson[];
    datasets: readonly DatasetRecord[];
    timeZone?: string;
  },
): Promise<SplitResolution> {
  const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
  let skippedRows = 0;
  let unmatchedOwners: string[] = [];
  const negativeRows: IgnoredNegativeRows[] = [];
  const noteNegativeRows = (
    dataset: DatasetRecord,
    amountColumn: string | null,
    found: { count: number; firstRow: number | null },
  ) => {
    if (!amountColumn || found.count === 0 || found.firstRow === null) return;
    negativeRows.push({
      datasetName: dataset.name,
      amountColumn: columnHeader(dataset, amountColumn),
      count: found.count,
      firstRow: found.firstRow,
    });
  };

  let timeSplit: TimeSplit = { method: 'even' };
  if (state.time === 'seasonal')
    timeSplit = { method: 'seasonal', monthWeights: state.monthWeights };
  if (state.time === 'lastYear') {
    const { datasetId, dateColumn, amountColumn, onlyWon } = state.actuals;
    const dataset = context.datasets.find((candidate) => candidate.id === datasetId);
    if (!dataset || !dateColumn) return { ok: false, errorKey: 'form.errors.chooseActuals' };

    const { rows, rowNumbers } = await readDatasetRowsWithNumbers(dataset.id);
    const actuals = sumByMonth(
      rows,
      { dateColumn, ...(amountColumn ? { amountColumn } : {}) },
      context.year - 1,
      { timeZone, include: wonFilter(dataset, onlyWon), rowNumbers },
    );
    skippedRows += actuals.issueCount;
    noteNegativeRows(dataset, amountColumn, actuals.negativeRows);
    timeSplit = {
      method: 'lastYear',
      monthActuals: actuals.months,
      source: {
        datasetId: dataset.id,
        datasetName: dataset.name,
        dateColumn,
        ...(amountColumn ? { amountColumn } : {}),
        onlyWon,
        from: `${context.year - 1}-01-01`,
        to: `${context.year - 1}-12-31`,
      },
    };
  }

  let peopleSplit: PeopleSplit =
    state.people === 'weight' ? { method: 'weight' } : { method: 'even' };
  if (state.people === 'manual') peopleSplit = { method: 'manual', amounts: state.manualAmounts };
  if (state.people === 'lastPeriod') {
    const { datasetId, dateColumn, amountColumn, ownerColumn, onlyWon, from, to } = state.results;
    const dataset = context.datasets.find((candidate) => candidate.id === datasetId);
    if (!dataset || !dateColumn || !ownerColumn)
      return { ok: false, errorKey: 'form.errors.chooseResults' };
    if (!isCivilDate(from) || !isCivilDate(to) || to < from)
      return { ok: false, errorKey: 'form.errors.invalidPeriod' };

    const match = createOwnerMatcher(await withFormerNames(context.people));
    const { rows, rowNumbers } = await readDatasetRowsWithNumbers(dataset.id);
    const owners = sumByOwner(
      rows,
      { dateColumn, ownerColumn, ...(amountColumn ? { amountColumn } : {}) },
      from,
      to,
      (owner) => {
        const found = match(owner);
        return found.kind === 'rep' ? personRowKey(found.repId) : null;
      },
      { timeZone, include: wonFilter(dataset, onlyWon), rowNumbers },
    );
    skippedRows += owners.issueCount;
    noteNegativeRows(dataset, amountColumn, owners.negativeRows);
    unmatchedOwners = owners.unmatched.map((entry) => entry.owner);

    const results: Record<string, number> = {};
    for (const person of context.people) {
      const result = owners.results[personRowKey(person.id)];
      if (result !== undefined)
        results[personRowKey(person.id)] = annualiseResult(result, person, from, to);
    }
    peopleSplit = {
      method: 'lastPeriod',
      results,
      source: {
        datasetId: dataset.id,
        datasetName: dataset.name,
        dateColumn,
        ownerColumn,
        ...(amountColumn ? { amountColumn } : {}),
        onlyWon,
        from,
        to,
      },
    };
  }

  return { ok: true, timeSplit, peopleSplit, skippedRows, unmatchedOwners, negativeRows };
}

/** Maximum number of owner names a plan keeps in a note about owners that match no rep. */
export const MAX_NOTED_OWNERS = 10;

/** Returns the rows a split's reading left out, as notes to keep with the plan. */
export function readingNotes(
  reading: Pick<
    Extract<SplitResolution, { ok: true }>,
    'skippedRows' | 'negativeRows' | 'unmatchedOwners'
  >,
): SplitReadingNote[] {
  const notes: SplitReadingNote[] = [];
  if (reading.skippedRows > 0) notes.push({ code: 'skipped-rows', count: reading.skippedRows });
  for (const ignored of reading.negativeRows) notes.push({ code: 'negative-rows', ...ignored });
  if (reading.unmatchedOwners.length > 0) {
    notes.push({
      code: 'unmatched-owners',
      owners: reading.unmatchedOwners.slice(0, MAX_NOTED_OWNERS),
      total: reading.unmatchedOwners.length,
    });
  }
  return notes;
}

/** Returns the header a column key has in the dataset's file, or the key when it is not listed. */
function columnHeader(dataset: DatasetRecord, key: string): string {
  return dataset.columns.find((column) => column.key === key)?.header ?? key;
}
