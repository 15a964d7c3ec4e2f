/**
 * Runs a screen's edits of a plan one after another. Each edit starts from
 * the plan the previous one left, so a quick second edit made while the
 * first is still being re-spread is neither lost nor applied out of order.
 * An edit that is rejected or fails leaves the plan as it was, and the next
 * edit starts from that plan.
 */
import type { TargetPlan, TargetProblem } from '../target-plan.types';

/**
 * Result of an edit: the edited plan, or the problems that stop it
 * (`TargetProblem`s for grid edits). `others` are further plans that change
 * with it, such as the version an approval supersedes; they are written with it.
 */
export type PlanEditResult<Problem = TargetProblem> =
  | { ok: true; value: TargetPlan; others?: readonly TargetPlan[] }
  | { ok: false; problems: Problem[] };

export type PlanEditOutcome<Problem = TargetProblem> =
  | { status: 'applied'; plan: TargetPlan }
  | { status: 'rejected'; problems: Problem[]; plan: TargetPlan }
  | { status: 'failed'; error: unknown }
  /** The plan being edited was replaced by another plan before the edit's turn came. */
  | { status: 'skipped' };

export interface PlanEditQueueOptions {
  /** The plan as it is now: the last applied edit, or a newer version saved elsewhere. */
  read: () => TargetPlan | null;
  /**
   * Makes an edited plan the current one and saves it with `others`, the
   * plans that changed with it; called in edit order, only for accepted edits.
   * The edit's outcome waits for a returned promise, so an edit counts as
   * applied once it is saved.
   */
  write: (plan: TargetPlan, others: readonly TargetPlan[]) => void | Promise<void>;
}

export type PlanEdit<Problem = TargetProblem> = (
  plan: TargetPlan,
) => PlanEditResult<Problem> | Promise<PlanEditResult<Problem>>;

export class PlanEditQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PlanEditQueueOptions) {}

  /** Queues an edit of the plan `planId`; resolves with its outcome once it has run. */
  enqueue<Problem = TargetProblem>(
    planId: string,
    edit: PlanEdit<Problem>,
  ): Promise<PlanEditOutcome<Problem>> {
    const run = this.tail.then(() => this.run(planId, edit));
    this.tail = run;
    return run;
  }

  private async run<Problem>(
    planId: string,
    edit: PlanEdit<Problem>,
  ): Promise<PlanEditOutcome<Problem>> {
    const plan = this.options.read();
    if (!plan || plan.id !== planId) return { status: 'skipped' };

    let result: PlanEditResult<Problem>;
    try {
      result = await edit(plan);
    } catch (error) {
      return { status: 'failed', error };
    }

    if (!result.ok) return { status: 'rejected', problems: result.problems, plan };
    if (result.value !== plan || result.others?.length)
      await this.options.write(result.value, result.others ?? []);
    return { status: 'applied', plan: result.value };
  }
}
