import {
  discardSessionDraft,
  readSessionDraft,
  writeSessionDraft,
} from '../../app/forms/session-draft';
import { isColumnKey } from './plan-grid';
import type { CellRef } from './target-plan.types';

/** Session-draft key of the grid cell being edited. */
const CELL_EDIT_DRAFT_KEY = 'targets.cellEdit';

/** Text typed into a grid cell and not yet committed, kept so that a reload reopens the editor. */
export interface CellEditDraft {
  planId: string;
  cell: CellRef;
  text: string;
}

/** Stores the open cell editor's text, or removes the draft when no editor is open. */
export function writeCellEditDraft(draft: CellEditDraft | null): void {
  if (draft === null) discardSessionDraft(CELL_EDIT_DRAFT_KEY);
  else writeSessionDraft(CELL_EDIT_DRAFT_KEY, draft);
}

/** Reads the stored cell edit of plan `planId`; undefined when there is none for this plan. */
export function readCellEditDraft(planId: string): CellEditDraft | undefined {
  const draft = readSessionDraft<Partial<CellEditDraft>>(CELL_EDIT_DRAFT_KEY);
  if (typeof draft !== 'object' || draft === null || draft.planId !== planId) return undefined;

  const { cell, text } = draft;
  if (typeof text !== 'string' || typeof cell !== 'object' || cell === null) return undefined;
  if (typeof cell.row !== 'string' || !isColumnKey(String(cell.column))) return undefined;
  return { planId, cell: { row: cell.row, column: cell.column }, text };
}
