import { describe, expect, it } from 'vitest';
import { nextWorkingPlan } from './plan-selection';
import { buildPlan } from './test/plan-fixtures';

const stored = buildPlan();
const created = { ...buildPlan(), id: 'plan-new', updatedAt: stored.updatedAt + 1 };

describe('nextWorkingPlan', () => {
  it('keeps a created plan not yet stored', () => {
    expect(nextWorkingPlan(created, null, 'plan-new', new Set([stored.id]))).toBe(created);
  });

  it('drops a plan that was stored and is gone', () => {
    expect(nextWorkingPlan(created, null, 'plan-new', new Set([stored.id, 'plan-new']))).toBeNull();
  });

  it('drops the plan when another is selected', () => {
    expect(nextWorkingPlan(created, null, 'plan-other', new Set())).toBeNull();
  });

  it('takes the stored plan of a new selection', () => {
    expect(nextWorkingPlan(created, stored, stored.id, new Set())).toBe(stored);
  });

  it('keeps a newer edit made here', () => {
    const edited = { ...stored, updatedAt: stored.updatedAt + 5 };

    expect(nextWorkingPlan(edited, stored, stored.id, new Set([stored.id]))).toBe(edited);
  });

  it('takes a newer copy saved in another tab', () => {
    const older = { ...stored, updatedAt: stored.updatedAt - 5 };

    expect(nextWorkingPlan(older, stored, stored.id, new Set([stored.id]))).toBe(stored);
  });
});
