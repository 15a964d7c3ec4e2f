import { describe, expect, it, vi } from 'vitest';
import { buildPlan, planInput } from '../test/plan-fixtures';
import { cellValue, planTotal } from '../plan-grid';
import { createTargetPlan, resplitTargetPlan } from '../plan-build';
import { setCellLock } from '../plan-edit';
import { approvePlan } from '../plan-versions';
import type { PeopleSplit, TargetPlan, TimeSplit } from '../target-plan.types';
import { createInProcessPort } from './in-process-port';
import { PlanEditClient } from './plan-edit.client';
import { handlePlanEditRequest } from './plan-edit.handler';
import type { PlanEditRequest, PlanEditResponse } from './plan-edit.protocol';
import { PlanEditQueue } from './plan-edit-queue';

const YEAR = { row: 'company', column: 'year' } as const;
const R1_MARCH = { row: 'rep:r1', column: 'm3' } as const;

/** Creates a plan-edit client on the real handler; `hold` delays its replies until `release`. */
function harness() {
  const held: (() => void)[] = [];
  let holding = false;
  const port = createInProcessPort<PlanEditRequest, PlanEditResponse>((post) => (message) => {
    const answer = () => post(handlePlanEditRequest(message));
    if (holding) held.push(answer);
    else answer();
  });
  return {
    client: new PlanEditClient(port),
    hold: () => {
      holding = true;
    },
    heldCount: () => held.length,
    release: () => {
      holding = false;
      held.splice(0).forEach((answer) => answer());
    },
  };
}

function store(initial: TargetPlan) {
  let current: TargetPlan | null = initial;
  const writes: TargetPlan[] = [];
  const writtenWith: (readonly TargetPlan[])[] = [];
  const queue = new PlanEditQueue({
    read: () => current,
    write: (plan, others) => {
      current = plan;
      writes.push(plan);
      writtenWith.push(others);
    },
  });
  return {
    queue,
    writes,
    writtenWith,
    current: () => current,
    replace: (plan: TargetPlan | null) => (current = plan),
  };
}

describe('PlanEditClient', () => {
  it('re-spreads a new total in the worker handler', async () => {
    const { client } = harness();

    const result = await client.setCellValue(buildPlan(), YEAR, 13_000_000, 5);

    if (!result.ok) throw new Error('rejected');
    expect(cellValue(result.value, YEAR)).toBe(13_000_000);
    expect(result.value.updatedAt).toBe(5);
  });

  it('answers a rejected edit with its problems', async () => {
    const { client } = harness();
    const locked = setCellLock(buildPlan(), { row: 'rep:r1', column: 'year' }, true, 0);
    if (!locked.ok) throw new Error('lock failed');

    const result = await client.setCellValue(locked.value, YEAR, 5, 1);

    expect(result.ok).toBe(false);
  });

  it('creates a plan in the worker handler', async () => {
    const { client } = harness();

    expect(await client.createPlan(planInput())).toEqual(createTargetPlan(planInput()));
  });

  it('splits a plan again in the worker handler', async () => {
    const { client } = harness();
    const splits: { timeSplit: TimeSplit; peopleSplit: PeopleSplit } = {
      timeSplit: { method: 'seasonal', monthWeights: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
      peopleSplit: { method: 'even' },
    };

    const result = await client.resplit(buildPlan(), splits, 9);

    expect(result).toEqual(resplitTargetPlan(buildPlan(), splits, 9));
    if (!result.ok) throw new Error('rejected');
    expect(planTotal(result.value)).toBe(12_000_000);
  });

  it('rejects when the handler fails', async () => {
    const { client } = harness();
    const broken = { ...buildPlan(), values: null } as unknown as TargetPlan;

    await expect(client.setCellValue(broken, YEAR, 1, 1)).rejects.toThrow();
  });
});

describe('PlanEditQueue', () => {
  it('applies a second edit on top of one in flight', async () => {
    const { client, hold, release, heldCount } = harness();
    const plans = store(buildPlan());
    hold();

    const first = plans.queue.enqueue('plan-2027', (plan) =>
      client.setCellValue(plan, YEAR, 13_000_000, 1),
    );
    await vi.waitFor(() => expect(heldCount()).toBe(1));
    const second = plans.queue.enqueue('plan-2027', (plan) =>
      client.setCellValue(plan, R1_MARCH, 100_000, 2),
    );
    release();

    const firstOutcome = await first;
    const secondOutcome = await second;
    if (firstOutcome.status !== 'applied' || secondOutcome.status !== 'applied')
      throw new Error('an edit was not applied');
    expect(plans.writes).toEqual([firstOutcome.plan, secondOutcome.plan]);
    // The second edit changes only r1's March, so the year moves by exactly its difference.
    const marchAfterFirst = cellValue(firstOutcome.plan, R1_MARCH);
    expect(cellValue(secondOutcome.plan, R1_MARCH)).toBe(100_000);
    expect(cellValue(secondOutcome.plan, YEAR)).toBe(13_000_000 - marchAfterFirst + 100_000);
  });

  it('runs edits in queue order', async () => {
    const plans = store(buildPlan());
    const order: string[] = [];
    let finishFirst: () => void = () => {};

    const first = plans.queue.enqueue('plan-2027', async (plan) => {
      await new Promise<void>((resolve) => (finishFirst = resolve));
      order.push('first');
      return { ok: true, value: { ...plan, name: 'first' }, notices: [] };
    });
    const second = plans.queue.enqueue('plan-2027', (plan) => {
      order.push(`second after ${plan.name}`);
      return { ok: true, value: { ...plan, name: 'second' }, notices: [] };
    });
    await Promise.resolve();
    finishFirst();
    await second;

    expect(order).toEqual(['first', 'second after first']);
    expect((await first).status).toBe('applied');
    expect(plans.current()?.name).toBe('second');
  });

  it('resolves an edit after its save', async () => {
    let finishSave: () => void = () => {};
    const saved: string[] = [];
    const queue = new PlanEditQueue({
      read: () => buildPlan(),
      write: (plan) =>
        new Promise<void>((resolve) => {
          finishSave = () => {
            saved.push(plan.name);
            resolve();
          };
        }),
    });

    let settled = false;
    const outcome = queue
      .enqueue('plan-2027', (plan) => ({ ok: true, value: { ...plan, name: 'edited' } }))
      .then((result) => {
        settled = true;
        return result;
      });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);

    finishSave();
    expect((await outcome).status).toBe('applied');
    expect(saved).toEqual(['edited']);
  });

  it('keeps the plan when an edit fails', async () => {
    const { client } = harness();
    const original = buildPlan();
    const plans = store(original);

    const failed = await plans.queue.enqueue('plan-2027', () =>
      Promise.reject(new Error('worker crashed')),
    );
    const next = await plans.queue.enqueue('plan-2027', (plan) =>
      client.setCellValue(plan, YEAR, 12_000_001, 3),
    );

    expect(failed).toEqual({ status: 'failed', error: new Error('worker crashed') });
    expect(next.status).toBe('applied');
    expect(plans.writes).toHaveLength(1);
    expect(cellValue(plans.writes[0]!, YEAR)).toBe(12_000_001);
  });

  it('reports a rejected edit and keeps the plan', async () => {
    const { client } = harness();
    const locked = setCellLock(buildPlan(), { row: 'rep:r1', column: 'year' }, true, 0);
    if (!locked.ok) throw new Error('lock failed');
    const plans = store(locked.value);

    const outcome = await plans.queue.enqueue('plan-2027', (plan) =>
      client.setCellValue(plan, YEAR, 5, 1),
    );

    expect(outcome.status).toBe('rejected');
    expect(plans.writes).toEqual([]);
    expect(plans.current()).toBe(locked.value);
  });

  it('writes superseded plans with the edit', async () => {
    const { client, hold, release, heldCount } = harness();
    const before = approvePlan({ ...buildPlan(), id: 'plan-old' }, [], 1);
    if (!before.ok) throw new Error('approve failed');
    const plans = store(buildPlan());
    hold();

    const respread = plans.queue.enqueue('plan-2027', (plan) =>
      client.setCellValue(plan, YEAR, 13_000_000, 2),
    );
    await vi.waitFor(() => expect(heldCount()).toBe(1));
    const approval = plans.queue.enqueue('plan-2027', (plan) => {
      const result = approvePlan(plan, [before.value.approved], 3);
      return result.ok
        ? { ok: true, value: result.value.approved, others: result.value.superseded }
        : result;
    });
    release();
    await respread;
    const outcome = await approval;

    if (outcome.status !== 'applied') throw new Error('approval was not applied');
    expect(outcome.plan.status).toBe('approved');
    expect(cellValue(outcome.plan, YEAR)).toBe(13_000_000);
    expect(plans.current()).toBe(outcome.plan);
    expect(plans.writtenWith).toEqual([
      [],
      [{ ...before.value.approved, status: 'superseded', updatedAt: 3 }],
    ]);
  });

  it('skips an edit of a replaced plan', async () => {
    const plans = store(buildPlan());
    plans.replace({ ...buildPlan(), id: 'plan-2028' });

    const outcome = await plans.queue.enqueue('plan-2027', (plan) => ({
      ok: true,
      value: plan,
      notices: [],
    }));

    expect(outcome).toEqual({ status: 'skipped' });
    expect(plans.writes).toEqual([]);
  });
});
