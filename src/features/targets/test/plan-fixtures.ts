import fc from 'fast-check';
import { createTargetPlan, type NewTargetPlan } from '../plan-build';
import type { PeopleSplit, PlanPerson, TargetPlan, TimeSplit } from '../target-plan.types';

export const NOW = Date.parse('2026-11-20T02:00:00Z');

/** Seven reps in two teams, as a small sales department plans them. */
export const SEVEN_REPS: PlanPerson[] = [
  { id: 'r1', name: '张伟', team: '华东一组', weight: 1 },
  { id: 'r2', name: '王芳', team: '华东一组', weight: 1 },
  { id: 'r3', name: '李娜', team: '华东一组', weight: 1 },
  { id: 'r4', name: '刘洋', team: '华南组', weight: 1 },
  { id: 'r5', name: '陈静', team: '华南组', weight: 1 },
  { id: 'r6', name: '杨磊', team: '华南组', weight: 1 },
  { id: 'r7', name: '赵敏', team: '华南组', weight: 1 },
];

export function planInput(overrides: Partial<NewTargetPlan> = {}): NewTargetPlan {
  return {
    id: 'plan-2027',
    name: '2027 年度目标',
    year: 2027,
    unit: 'yuan',
    total: 12_000_000,
    timeSplit: { method: 'even' },
    peopleSplit: { method: 'even' },
    people: SEVEN_REPS,
    now: NOW,
    ...overrides,
  };
}

/** Builds a plan and fails the test when the input has problems. */
export function buildPlan(overrides: Partial<NewTargetPlan> = {}): TargetPlan {
  const result = createTargetPlan(planInput(overrides));
  if (!result.ok) throw new Error(`Plan has problems: ${JSON.stringify(result.problems)}`);
  return result.value;
}

const dateInYear = (year: number) =>
  fc
    .integer({ min: 0, max: 364 })
    .map((offset) => new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10));

/** A rep with a random team, weight and, sometimes, a start or end date inside 2027. */
export const personArbitrary = (index: number) =>
  fc
    .record({
      team: fc.constantFrom('华东一组', '华南组', '大客户部', ''),
      weight: fc.oneof(
        fc.constant(1),
        fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
      ),
      start: fc.option(dateInYear(2027), { nil: undefined }),
      end: fc.option(dateInYear(2027), { nil: undefined }),
    })
    .map(({ team, weight, start, end }): PlanPerson => {
      const [employmentStart, employmentEnd] =
        start && end && end < start ? [end, start] : [start, end];
      return {
        id: `r${index}`,
        name: `销售${index}`,
        team,
        weight,
        ...(employmentStart ? { employmentStart } : {}),
        ...(employmentEnd ? { employmentEnd } : {}),
      };
    });

export const peopleArbitrary = fc
  .integer({ min: 1, max: 9 })
  .chain((count) =>
    fc.tuple(...Array.from({ length: count }, (_, index) => personArbitrary(index + 1))),
  );

export const timeSplitArbitrary: fc.Arbitrary<TimeSplit> = fc.oneof(
  fc.constant({ method: 'even' as const }),
  fc
    .array(fc.integer({ min: 0, max: 20 }), { minLength: 12, maxLength: 12 })
    .filter((weights) => weights.some((weight) => weight > 0))
    .map((monthWeights) => ({ method: 'seasonal' as const, monthWeights })),
  fc
    .array(fc.double({ min: 0, max: 5e6, noNaN: true }), { minLength: 12, maxLength: 12 })
    .filter((actuals) => actuals.some((value) => value > 0))
    .map((monthActuals) => ({ method: 'lastYear' as const, monthActuals })),
);

export const peopleSplitArbitrary = (people: PlanPerson[]): fc.Arbitrary<PeopleSplit> =>
  fc.oneof(
    fc.constant({ method: 'even' as const }),
    fc.constant({ method: 'weight' as const }),
    fc
      .array(fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }), {
        minLength: people.length,
        maxLength: people.length,
      })
      .map((results) => ({
        method: 'lastPeriod' as const,
        results: Object.fromEntries(
          people.flatMap((person, index) =>
            results[index] === undefined ? [] : [[`rep:${person.id}`, results[index] as number]],
          ),
        ),
      })),
  );

export const totalArbitrary = fc.oneof(
  fc.constant(12_000_000),
  fc.integer({ min: 0, max: 50 }),
  fc.integer({ min: 0, max: 100_000_000 }),
);
