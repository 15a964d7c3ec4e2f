/**
 * The plan-edit worker's work: creating a plan, splitting it again, and
 * typing a value into a cell, which for a total re-spreads it over the
 * unlocked cells under it. Each takes up to about 0.1 s for a plan of 500
 * reps on a loaded 2-core machine. A rejected edit is an
 * answer, not a failure; a failure is a bug in the edit, reported with its
 * message. Runs in a Web Worker (see plan-edit.worker.ts); tests call it
 * directly.
 */
import { createTargetPlan, resplitTargetPlan } from '../plan-build';
import { setCellValue } from '../plan-edit';
import type { TargetPlan, TargetResult } from '../target-plan.types';
import type { PlanEditRequest, PlanEditResponse } from './plan-edit.protocol';

export function handlePlanEditRequest(request: PlanEditRequest): PlanEditResponse {
  try {
    return { type: 'edited', requestId: request.requestId, result: run(request) };
  } catch (error) {
    return {
      type: 'failed',
      requestId: request.requestId,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

function run(request: PlanEditRequest): TargetResult<TargetPlan> {
  switch (request.type) {
    case 'setCellValue':
      return setCellValue(request.plan, request.cell, request.value, request.now);
    case 'createPlan':
      return createTargetPlan(request.input);
    case 'resplit':
      return resplitTargetPlan(request.plan, request.splits, request.now);
  }
}
