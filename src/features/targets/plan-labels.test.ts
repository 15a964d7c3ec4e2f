import { describe, expect, it } from 'vitest';
import { groupByLineage, planLabels, plansOfYear } from './plan-labels';
import type { TargetPlan } from './target-plan.types';
import { buildPlan } from './test/plan-fixtures';

function plan(id: string, name: string, createdAt: number): TargetPlan {
  return { id, name, version: 1, status: 'draft', createdAt } as TargetPlan;
}

const base = (candidate: TargetPlan) => `${candidate.name} · v${candidate.version}`;
const withMinute = (label: string, candidate: TargetPlan) =>
  `${label} · ${Math.floor(candidate.createdAt / 60_000)}`;

describe('planLabels', () => {
  it('keeps the plain label of a plan whose label is unique', () => {
    const labels = planLabels([plan('a', '2027', 0), plan('b', '2028', 0)], base, withMinute);

    expect(labels.get('a')).toBe('2027 · v1');
    expect(labels.get('b')).toBe('2028 · v1');
  });

  it('adds the creation time to plans with the same label', () => {
    const labels = planLabels([plan('a', '2027', 0), plan('b', '2027', 120_000)], base, withMinute);

    expect(labels.get('a')).toBe('2027 · v1 · 0');
    expect(labels.get('b')).toBe('2027 · v1 · 2');
  });

  it('numbers plans created at the same time in creation order', () => {
    const labels = planLabels([plan('b', '2027', 20), plan('a', '2027', 10)], base, withMinute);

    expect(labels.get('a')).toBe('2027 · v1 · 0 #1');
    expect(labels.get('b')).toBe('2027 · v1 · 0 #2');
    expect(new Set(labels.values()).size).toBe(2);
  });
});

describe('groupByLineage', () => {
  it('groups versions by plan in order of first appearance', () => {
    const a1 = { ...buildPlan({ id: 'a1' }), lineageId: 'a' };
    const b1 = { ...buildPlan({ id: 'b1' }), lineageId: 'b' };
    const a2 = { ...a1, id: 'a2', version: 2 };

    expect(groupByLineage([a2, b1, a1]).map((group) => group.map((plan) => plan.id))).toEqual([
      ['a2', 'a1'],
      ['b1'],
    ]);
  });
});

describe('plansOfYear', () => {
  it('picks the approved version, else the newest, approved plans first', () => {
    const draftOnly = { ...buildPlan({ id: 'd1' }), lineageId: 'd' };
    const draftOnly2 = { ...draftOnly, id: 'd2', version: 2 };
    const approved: TargetPlan = {
      ...buildPlan({ id: 'p1' }),
      lineageId: 'p',
      status: 'approved',
    };
    const newerDraft = { ...approved, id: 'p2', version: 2, status: 'draft' as const };
    const otherYear = { ...buildPlan({ id: 'y1', year: 2028 }), lineageId: 'y' };

    const picked = plansOfYear([draftOnly, draftOnly2, newerDraft, approved, otherYear], 2027);

    expect(picked.map((plan) => plan.id)).toEqual(['p1', 'd2']);
  });
});
