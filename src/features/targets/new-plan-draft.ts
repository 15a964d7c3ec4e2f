import { readSessionDraft } from '../../app/forms/session-draft';
import type { SplitFormState } from './split-form';
import type { TargetUnit } from './target-plan.types';

/** Session-draft key of the new-plan form's values. */
export const NEW_PLAN_DRAFT_KEY = 'targets.newPlan';

/** The new-plan form's values as typed, kept so that a reload restores the open form. */
export interface NewPlanDraft {
  yearText: number | string;
  name: string;
  unit: TargetUnit;
  totalText: number | string;
  splits: SplitFormState;
  /** Ids of the people left out of the plan. */
  excluded: string[];
}

const isText = (value: unknown): value is number | string =>
  typeof value === 'number' || typeof value === 'string';

/**
 * Reads the stored draft of the new-plan form; undefined when there is none
 * or it does not have the draft's shape (written by another version).
 */
export function readNewPlanDraft(): NewPlanDraft | undefined {
  const draft = readSessionDraft<Partial<NewPlanDraft>>(NEW_PLAN_DRAFT_KEY);
  if (typeof draft !== 'object' || draft === null) return undefined;

  const { yearText, name, unit, totalText, splits, excluded } = draft;
  const valid =
    isText(yearText) &&
    typeof name === 'string' &&
    (unit === 'yuan' || unit === 'count') &&
    isText(totalText) &&
    typeof splits === 'object' &&
    splits !== null &&
    Array.isArray(splits.monthWeights) &&
    Array.isArray(excluded) &&
    excluded.every((id) => typeof id === 'string');
  return valid ? { yearText, name, unit, totalText, splits, excluded } : undefined;
}
