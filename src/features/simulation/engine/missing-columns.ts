/**
 * The columns a flow reads but a dataset lacks. Such a column is empty for
 * every lead, so its node sends every lead the same way, often to the pool.
 * The simulation states this before and after a run.
 */
import { validateFlow, type FlowDocument, type FlowProblem } from '@sras/engine';
import type { DatasetColumn } from '../../../storage/records';

/** Problem code of a column that a node reads and the dataset lacks. */
export const MISSING_COLUMN_CODE = 'field-not-in-dataset';

/** Tells whether a problem is about a column that the dataset lacks. */
export function isMissingColumn(problem: FlowProblem): boolean {
  return problem.code === MISSING_COLUMN_CODE;
}

/** Lists each column that a node of the flow reads but the dataset's columns lack. */
export function findMissingColumns(
  document: FlowDocument,
  columns: readonly Pick<DatasetColumn, 'key'>[],
): FlowProblem[] {
  const datasetFields = columns.map((column) => column.key);
  return validateFlow(document, { datasetFields }).filter(isMissingColumn);
}
