/** Messages between the targets screen and the plan-edit worker (see plan-edit.handler.ts). */
import type { CellRef, TargetPlan, TargetResult } from '../target-plan.types';

export type PlanEditRequest = {
  type: 'setCellValue';
  requestId: number;
  plan: TargetPlan;
  cell: CellRef;
  value: number;
  /** Epoch milliseconds stamped as the plan's `updatedAt`. */
  now: number;
};

export type PlanEditResponse =
  | { type: 'edited'; requestId: number; result: TargetResult<TargetPlan> }
  | { type: 'failed'; requestId: number; message: string };
