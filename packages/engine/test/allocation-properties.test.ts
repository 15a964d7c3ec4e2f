import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowDocument, Lead, Rep } from '../src/flow/flow.types.js';
import { createRunner } from '../src/run/runner.js';
import type { RunResult } from '../src/run/run.types.js';
import type { AllocationState } from '../src/state/state.schema.js';
import { dayNumberOfDate, periodsOfDay } from '../src/time/zoned-calendar.js';
import {
  compileOrThrow,
  leads as plainLeads,
  reps,
  roundRobinFlow,
} from './support/flow-builder.js';
import {
  flowArbitrary,
  leadsArbitrary,
  PROPERTY_NOW,
  teamArbitrary,
} from './support/random-flow.js';

const settings = { seed: 20_240_502, numRuns: 150 };

function run(
  flow: FlowDocument,
  team: Rep[],
  leads: Lead[],
  state: AllocationState | null = null,
): RunResult {
  return createRunner(compileOrThrow(flow)).run({
    leads,
    reps: team,
    state,
    now: PROPERTY_NOW,
    timeField: 'at',
    trace: true,
  });
}

const scenario = fc.record({ flow: flowArbitrary, team: teamArbitrary, leads: leadsArbitrary });

describe('allocation properties', () => {
  it('ends every lead exactly once, with an owner or a reason', () => {
    fc.assert(
      fc.property(scenario, ({ flow, team, leads }) => {
        const { results, summary } = run(flow, team, leads);

        expect(results).toHaveLength(leads.length);
        for (const result of results) {
          const assigned = result.reason === 'assigned' || result.reason === 'existing-owner';
          expect(result.ownerId !== null).toBe(assigned);
        }
        expect(summary.assigned + summary.unassigned).toBe(leads.length);
        expect(Object.values(summary.byReason).reduce((sum, count) => sum + count, 0)).toBe(
          leads.length,
        );
        expect(Object.values(summary.byRep).reduce((sum, count) => sum + count, 0)).toBe(
          summary.assigned,
        );
      }),
      settings,
    );
  });

  it('gives leads only to active reps of the team', () => {
    fc.assert(
      fc.property(scenario, ({ flow, team, leads }) => {
        const active = new Set(team.filter((rep) => rep.active !== false).map((rep) => rep.id));

        const owners = run(flow, team, leads).results.flatMap((result) => result.ownerId ?? []);

        expect(owners.filter((owner) => !active.has(owner))).toEqual([]);
      }),
      settings,
    );
  });

  it('never assigns a rep beyond a capacity or on leave, except to keep an existing owner', () => {
    fc.assert(
      fc.property(scenario, ({ flow, team, leads }) => {
        const byId = new Map(team.map((rep) => [rep.id, rep]));
        const counts = new Map<string, number>();

        for (const result of run(flow, team, leads).results) {
          if (result.ownerId === null) continue;
          const rep = byId.get(result.ownerId) as Rep;
          const day = result.trace?.day as string;
          const periods = periodsOfDay(dayNumberOfDate(day));
          const keys = { day: periods.day, week: periods.week, month: periods.month };

          if (result.reason === 'assigned') {
            for (const [period, key] of Object.entries(keys)) {
              const cap = rep.capacity?.[period as 'day' | 'week' | 'month'];
              if (cap !== null && cap !== undefined) {
                expect(counts.get(`${rep.id}/${key}`) ?? 0).toBeLessThan(cap);
              }
            }
            const onLeave = (rep.unavailable ?? []).some(
              (range) => range.from <= day && day <= range.to,
            );
            expect(onLeave).toBe(false);
          }
          for (const key of Object.values(keys)) {
            counts.set(`${rep.id}/${key}`, (counts.get(`${rep.id}/${key}`) ?? 0) + 1);
          }
        }
      }),
      settings,
    );
  });

  it('gives the same results and state when a batch is split in two', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ flow, team, leads }, cut) => {
        const splitAt = leads.length === 0 ? 0 : cut % (leads.length + 1);

        const whole = run(flow, team, leads);
        const first = run(flow, team, leads.slice(0, splitAt));
        const second = run(
          flow,
          team,
          leads.slice(splitAt),
          JSON.parse(JSON.stringify(first.state)) as AllocationState,
        );

        const strip = (result: RunResult['results'][number]) => [
          result.ownerId,
          result.reason,
          result.route,
          result.fields,
        ];
        expect([...first.results, ...second.results].map(strip)).toEqual(whole.results.map(strip));
        expect(JSON.stringify(second.state)).toBe(JSON.stringify(whole.state));
      }),
      settings,
    );
  });

  it('gives byte-identical output for identical input', () => {
    fc.assert(
      fc.property(scenario, ({ flow, team, leads }) => {
        const once = JSON.stringify(run(flow, team, leads));
        const again = JSON.stringify(
          run(structuredClone(flow), structuredClone(team), structuredClone(leads)),
        );

        expect(again).toBe(once);
      }),
      settings,
    );
  });
});

describe('round-robin fairness properties', () => {
  it('keeps equal-weight counts within one of each other at every step, across runs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 6 }),
        (repCount, batchSizes) => {
          const ids = Array.from({ length: repCount }, (_, index) => `r${index}`);
          const runner = createRunner(compileOrThrow(roundRobinFlow(ids)));
          const counts = new Map(ids.map((id) => [id, 0]));
          let state: AllocationState | null = null;

          for (const size of batchSizes) {
            const result = runner.run({
              leads: plainLeads(size),
              reps: reps(...ids),
              state,
              now: PROPERTY_NOW,
            });
            for (const { ownerId } of result.results) {
              counts.set(ownerId as string, (counts.get(ownerId as string) ?? 0) + 1);
              expect(
                Math.max(...counts.values()) - Math.min(...counts.values()),
              ).toBeLessThanOrEqual(1);
            }
            state = result.state;
          }
        },
      ),
      settings,
    );
  });

  it('keeps weighted shares within one lead of the exact proportion, and exact after each full cycle', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (weights, cycles) => {
          const ids = weights.map((_, index) => `r${index}`);
          const total = weights.reduce((sum, weight) => sum + weight, 0);
          const runner = createRunner(
            compileOrThrow(
              roundRobinFlow(
                ids.map((repId, index) => ({ repId, weight: weights[index] as number })),
              ),
            ),
          );

          const { results } = runner.run({
            leads: plainLeads(total * cycles),
            reps: reps(...ids),
            now: PROPERTY_NOW,
          });

          const counts = ids.map(() => 0);
          results.forEach((result, index) => {
            const owner = ids.indexOf(result.ownerId as string);
            counts[owner] = (counts[owner] as number) + 1;
            const served = index + 1;
            weights.forEach((weight, rep) => {
              const exact = (served * weight) / total;
              expect(Math.abs((counts[rep] as number) - exact)).toBeLessThan(1);
              if (served % total === 0) expect(counts[rep]).toBe(exact);
            });
          });
        },
      ),
      settings,
    );
  });

  it('keeps equal-weight counts of the eligible reps within one while others are away', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        (activity, count) => {
          const ids = activity.map((_, index) => `r${index}`);
          const team = ids.map((id, index) => ({
            id,
            name: id,
            active: activity[index] as boolean,
          }));
          const runner = createRunner(compileOrThrow(roundRobinFlow(ids)));

          const { summary } = runner.run({
            leads: plainLeads(count),
            reps: team,
            now: PROPERTY_NOW,
          });

          const activeCounts = team
            .filter((rep) => rep.active)
            .map((rep) => summary.byRep[rep.id] as number);
          if (activeCounts.length > 0) {
            expect(Math.max(...activeCounts) - Math.min(...activeCounts)).toBeLessThanOrEqual(1);
          }
          expect(
            team.filter((rep) => !rep.active).every((rep) => summary.byRep[rep.id] === 0),
          ).toBe(true);
        },
      ),
      settings,
    );
  });
});
