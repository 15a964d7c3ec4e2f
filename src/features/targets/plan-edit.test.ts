import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTargetPlan } from './plan-build';
import { coveringLocks, setCellLock, setCellValue, setPlanTotal } from './plan-edit';
import {
  cellValue,
  computeGrid,
  GRID_COLUMNS,
  listGridRows,
  MAX_PLAN_TOTAL,
  monthsUnder,
  planTotal,
  sumLeaves,
} from './plan-grid';
import type { CellRef, TargetPlan, TargetResult } from './target-plan.types';
import { buildPlan, NOW, peopleArbitrary, planInput } from './test/plan-fixtures';

function expectOk(result: TargetResult<TargetPlan>): TargetPlan {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result.problems)}`);
  return result.value;
}

function lock(plan: TargetPlan, ...cells: CellRef[]): TargetPlan {
  return cells.reduce((current, cell) => expectOk(setCellLock(current, cell, true, NOW)), plan);
}

function value(plan: TargetPlan, row: string, column: CellRef['column']): number {
  return cellValue(plan, { row, column });
}

describe('setCellValue', () => {
  it('re-spreads a new company total in proportion to the current cells', () => {
    const plan = expectOk(setPlanTotal(buildPlan(), 15_000_000, NOW));
    expect(planTotal(plan)).toBe(15_000_000);
    expect(value(plan, 'company', 'm1')).toBe(1_250_000);
    expect(Math.abs(value(plan, 'rep:r1', 'year') - 15_000_000 / 7)).toBeLessThan(1);
  });

  it('keeps a locked cell while the total changes', () => {
    const plan = lock(buildPlan(), { row: 'rep:r1', column: 'm3' });
    const locked = value(plan, 'rep:r1', 'm3');
    const changed = expectOk(setPlanTotal(plan, 13_000_000, NOW));
    expect(value(changed, 'rep:r1', 'm3')).toBe(locked);
    expect(planTotal(changed)).toBe(13_000_000);
    expect(value(changed, 'rep:r2', 'm3')).toBeGreaterThan(value(plan, 'rep:r2', 'm3'));
  });

  it('keeps a locked team total and gives the change to the other teams', () => {
    const plan = lock(buildPlan(), { row: 'team:华东一组', column: 'year' });
    const changed = expectOk(setPlanTotal(plan, 10_000_000, NOW));
    expect(value(changed, 'team:华东一组', 'year')).toBe(value(plan, 'team:华东一组', 'year'));
    expect(value(changed, 'rep:r1', 'm7')).toBe(value(plan, 'rep:r1', 'm7'));
    expect(value(changed, 'team:华南组', 'year')).toBe(
      10_000_000 - value(plan, 'team:华东一组', 'year'),
    );
  });

  it('offsets a change inside a locked total against its other cells', () => {
    const plan = lock(buildPlan(), { row: 'company', column: 'year' });
    const changed = expectOk(setCellValue(plan, { row: 'rep:r1', column: 'year' }, 2_000_000, NOW));
    expect(value(changed, 'rep:r1', 'year')).toBe(2_000_000);
    expect(planTotal(changed)).toBe(12_000_000);
    expect(value(changed, 'rep:r2', 'year')).toBeLessThan(value(plan, 'rep:r2', 'year'));
  });

  it('offsets within the narrowest block that every covering lock contains', () => {
    const plan = lock(
      buildPlan(),
      { row: 'team:华东一组', column: 'year' },
      { row: 'company', column: 'q1' },
    );
    const changed = expectOk(setCellValue(plan, { row: 'rep:r1', column: 'm1' }, 200_000, NOW));
    expect(value(changed, 'team:华东一组', 'year')).toBe(value(plan, 'team:华东一组', 'year'));
    expect(value(changed, 'company', 'q1')).toBe(value(plan, 'company', 'q1'));
    expect(value(changed, 'team:华东一组', 'q1')).toBe(value(plan, 'team:华东一组', 'q1'));
    // Outside the team's first quarter nothing moves.
    expect(value(changed, 'team:华南组', 'year')).toBe(value(plan, 'team:华南组', 'year'));
    expect(value(changed, 'rep:r2', 'q2')).toBe(value(plan, 'rep:r2', 'q2'));
  });

  it('reports a change that the other cells of a locked total cannot absorb', () => {
    const plan = lock(buildPlan(), { row: 'team:华东一组', column: 'm1' });
    expect(setCellValue(plan, { row: 'rep:r1', column: 'm1' }, 500_000, NOW)).toEqual({
      ok: false,
      problems: [
        {
          code: 'not-enough-to-offset',
          cell: { row: 'rep:r1', column: 'm1' },
          lockedCell: { row: 'team:华东一组', column: 'm1' },
          requested: 500_000,
          maximum: value(plan, 'team:华东一组', 'm1'),
        },
      ],
    });
  });

  it('reports a cell pinned by crossing locks', () => {
    const plan = lock(
      buildPlan(),
      { row: 'rep:r1', column: 'year' },
      { row: 'company', column: 'm1' },
    );
    const result = setCellValue(plan, { row: 'rep:r1', column: 'm1' }, 1, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({
      code: 'not-enough-to-offset',
      maximum: value(plan, 'rep:r1', 'm1'),
    });
  });

  it('reports locked cells that add up to more than the requested total', () => {
    const plan = lock(buildPlan(), { row: 'rep:r1', column: 'year' });
    expect(setPlanTotal(plan, 1_000_000, NOW)).toEqual({
      ok: false,
      problems: [
        {
          code: 'locked-exceeds-total',
          cell: { row: 'company', column: 'year' },
          requested: 1_000_000,
          locked: 1_714_286,
        },
      ],
    });
  });

  it('reports a total with nothing unlocked under it', () => {
    const plan = lock(
      buildPlan(),
      { row: 'team:华东一组', column: 'year' },
      { row: 'team:华南组', column: 'year' },
    );
    expect(setPlanTotal(plan, 12_000_001, NOW)).toEqual({
      ok: false,
      problems: [{ code: 'no-unlocked-cells', cell: { row: 'company', column: 'year' } }],
    });
  });

  it('rejects edits it cannot apply', () => {
    const plan = lock(
      buildPlan({
        people: [{ id: 'a', name: '甲', team: '一组', weight: 1, employmentStart: '2027-04-01' }],
      }),
      {
        row: 'rep:a',
        column: 'm5',
      },
    );
    expect(setCellValue(plan, { row: 'rep:a', column: 'm5' }, 1, NOW)).toMatchObject({
      ok: false,
      problems: [{ code: 'cell-locked' }],
    });
    expect(setCellValue(plan, { row: 'rep:a', column: 'm2' }, 1, NOW)).toMatchObject({
      ok: false,
      problems: [{ code: 'inactive-cell' }],
    });
    expect(setCellValue(plan, { row: 'rep:a', column: 'm2' }, 0, NOW)).toMatchObject({ ok: true });
    expect(setCellValue(plan, { row: 'rep:a', column: 'm6' }, -5, NOW)).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid-value' }],
    });
    expect(setCellValue(plan, { row: 'rep:a', column: 'm6' }, 10.5, NOW)).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid-value' }],
    });
    expect(setCellValue(plan, { row: 'rep:nobody', column: 'm6' }, 1, NOW)).toMatchObject({
      ok: false,
      problems: [{ code: 'unknown-cell' }],
    });
    expect(
      setCellValue({ ...plan, status: 'approved' }, { row: 'rep:a', column: 'm6' }, 1, NOW),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'plan-not-draft' }],
    });
  });

  it('rejects a value that takes the yearly total past the limit', () => {
    const plan = buildPlan({ total: 12_000_000 });
    const cell: CellRef = { row: 'rep:r1', column: 'q2' };
    const current = sumLeaves(plan.values, ['rep:r1'], [3, 4, 5]);
    const maximum = MAX_PLAN_TOTAL - (12_000_000 - current);

    expect(setCellValue(plan, cell, Number.MAX_SAFE_INTEGER, NOW)).toEqual({
      ok: false,
      problems: [{ code: 'total-too-large', cell, requested: Number.MAX_SAFE_INTEGER, maximum }],
    });
    expect(setCellValue(plan, cell, maximum, NOW)).toMatchObject({ ok: true });
  });

  it('spreads into an all-zero block by the split methods', () => {
    const original = buildPlan();
    const cleared = expectOk(setPlanTotal(original, 0, NOW));
    expect(planTotal(cleared)).toBe(0);
    const refilled = expectOk(setPlanTotal(cleared, 12_000_000, NOW));
    expect(refilled.values).toEqual(original.values);
  });

  it('spreads a rep’s year over the months it works', () => {
    const plan = buildPlan({
      people: [{ id: 'a', name: '甲', team: '一组', weight: 1, employmentStart: '2027-10-01' }],
      total: 0,
    });
    const changed = expectOk(setCellValue(plan, { row: 'rep:a', column: 'year' }, 90_000, NOW));
    expect(changed.values['rep:a']).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 30_000, 30_000, 30_000]);
  });

  it('leaves the plan unchanged when it returns a problem', () => {
    const plan = lock(buildPlan(), { row: 'rep:r1', column: 'year' });
    const snapshot = structuredClone(plan);
    setPlanTotal(plan, 10, NOW);
    expect(plan).toEqual(snapshot);
  });
});

describe('coveringLocks', () => {
  it('lists locked totals that contain a cell', () => {
    const plan = lock(
      buildPlan(),
      { row: 'team:华东一组', column: 'q1' },
      { row: 'rep:r1', column: 'm2' },
      { row: 'team:华南组', column: 'year' },
    );
    expect(coveringLocks(plan, { row: 'rep:r1', column: 'm2' })).toEqual([
      { row: 'team:华东一组', column: 'q1' },
    ]);
    expect(coveringLocks(plan, { row: 'rep:r2', column: 'm4' })).toEqual([]);
  });
});

describe('setCellValue properties', () => {
  const scenario = peopleArbitrary.chain((people) => {
    const plan = createTargetPlan(planInput({ people, total: 12_000_000 }));
    const rows = plan.ok ? listGridRows(plan.value).map((row) => row.key) : ['company'];
    const cell = fc.record({
      row: fc.constantFrom(...rows),
      column: fc.constantFrom(...GRID_COLUMNS),
    });
    return fc.record({
      people: fc.constant(people),
      locks: fc.array(cell, { maxLength: 4 }),
      edit: cell,
      value: fc.oneof(fc.integer({ min: 0, max: 30_000_000 }), fc.integer({ min: 0, max: 20 })),
    });
  });

  it('applies any feasible edit exactly', () => {
    fc.assert(
      fc.property(scenario, ({ people, locks, edit, value: requested }) => {
        const built = createTargetPlan(planInput({ people, total: 12_000_000 }));
        if (!built.ok) return;
        const plan = locks.reduce(
          (current, cell) => expectOk(setCellLock(current, cell, true, NOW)),
          built.value,
        );
        const before = computeGrid(plan);
        const result = setCellValue(plan, edit, requested, NOW);

        if (!result.ok) {
          expect([
            'cell-locked',
            'inactive-cell',
            'locked-exceeds-total',
            'no-unlocked-cells',
            'not-enough-to-offset',
          ]).toContain(result.problems[0]?.code);
          return;
        }

        const after = result.value;
        expect(cellValue(after, edit)).toBe(requested);
        for (const key of plan.locks) {
          const [row, column] = [
            key.slice(0, key.lastIndexOf('|')),
            key.slice(key.lastIndexOf('|') + 1),
          ];
          expect(value(after, row, column as CellRef['column'])).toBe(
            value(plan, row, column as CellRef['column']),
          );
        }
        for (const months of Object.values(after.values)) {
          for (const cell of months) {
            expect(Number.isSafeInteger(cell)).toBe(true);
            expect(cell).toBeGreaterThanOrEqual(0);
          }
        }

        // A change without a covering lock moves the company total by exactly the difference.
        if (coveringLocks(plan, edit).length === 0) {
          const difference = requested - cellValue(plan, edit);
          expect(planTotal(after)).toBe(planTotal(plan) + difference);
          const editRow = listGridRows(plan).find((row) => row.key === edit.row);
          for (const [leaf, months] of Object.entries(after.values)) {
            months.forEach((cell, month) => {
              const inside =
                editRow?.leaves.includes(leaf) && monthsUnder(edit.column).includes(month);
              if (!inside) expect(cell).toBe(plan.values[leaf]?.[month]);
            });
          }
        } else {
          expect(planTotal(after)).toBe(planTotal(plan));
        }
        expect(before).toHaveLength(computeGrid(after).length);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a locked total whole while a cell inside it changes', () => {
    const seven = buildPlan();
    const rows = listGridRows(seven);
    const covered = fc
      .record({
        lockRow: fc.constantFrom('company', 'team:华东一组', 'team:华南组'),
        lockColumn: fc.constantFrom('year', 'q1', 'q2', 'q3', 'q4') as fc.Arbitrary<
          CellRef['column']
        >,
        editLeaf: fc.constantFrom(
          'rep:r1',
          'rep:r2',
          'rep:r3',
          'rep:r4',
          'rep:r5',
          'rep:r6',
          'rep:r7',
        ),
        editMonth: fc.integer({ min: 0, max: 11 }),
        value: fc.integer({ min: 0, max: 4_000_000 }),
      })
      .filter(({ lockRow, lockColumn, editLeaf, editMonth }) => {
        const lockLeaves = rows.find((row) => row.key === lockRow)?.leaves ?? [];
        return lockLeaves.includes(editLeaf) && monthsUnder(lockColumn).includes(editMonth);
      });

    fc.assert(
      fc.property(covered, ({ lockRow, lockColumn, editLeaf, editMonth, value: requested }) => {
        const plan = lock(seven, { row: lockRow, column: lockColumn });
        const edit: CellRef = { row: editLeaf, column: `m${editMonth + 1}` as CellRef['column'] };
        const result = setCellValue(plan, edit, requested, NOW);
        const lockedValue = value(plan, lockRow, lockColumn);
        if (!result.ok) {
          expect(result.problems[0]?.code).toBe('not-enough-to-offset');
          expect(requested).toBeGreaterThan(lockedValue);
          return;
        }
        expect(cellValue(result.value, edit)).toBe(requested);
        expect(value(result.value, lockRow, lockColumn)).toBe(lockedValue);
        expect(planTotal(result.value)).toBe(12_000_000);
      }),
    );
  });
});
