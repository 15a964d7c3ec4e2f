/** Messages between the targets screen and the plan-edit worker (see plan-edit.handler.ts). */
import type {
  CellRef,
  PeopleSplit,
  TargetPlan,
  TargetResult,
  TimeSplit,
} from '../target-plan.types';
import type { NewTargetPlan } from '../plan-build';

export type PlanEditRequest =
  | {
      type: 'setCellValue';
      requestId: number;
      plan: TargetPlan;
      cell: CellRef;
      value: number;
      /** Epoch milliseconds stamped as the plan's `updatedAt`. */
      now: number;
    }
  | { type: 'createPlan'; requestId: number; input: NewTargetPlan }
  | {
      type: 'resplit';
      requestId: number;
      plan: TargetPlan;
      splits: { timeSplit: TimeSplit; peopleSplit: PeopleSplit };
      now: number;
    };

export type PlanEditResponse =
  | { type: 'edited'; requestId: number; result: TargetResult<TargetPlan> }
  | { type: 'failed'; requestId: number; message: string };
