/**
 * The plan-edit worker's work: typing a value into a cell, which for a
 * total re-spreads it over the unlocked cells under it (about 0.1 s for a
 * plan of 500 reps on a loaded 2-core machine). A rejected edit is an
 * answer, not a failure; a failure is a bug in the edit, reported with its
 * message. Runs in a Web Worker (see plan-edit.worker.ts); tests call it
 * directly.
 */
import { setCellValue } from '../plan-edit';
import type { PlanEditRequest, PlanEditResponse } from './plan-edit.protocol';

export function handlePlanEditRequest(request: PlanEditRequest): PlanEditResponse {
  try {
    return {
      type: 'edited',
      requestId: request.requestId,
      result: setCellValue(request.plan, request.cell, request.value, request.now),
    };
  } catch (error) {
    return {
      type: 'failed',
      requestId: request.requestId,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
