import { describe, expect, it } from 'vitest';
import { planLabels } from './plan-labels';
import type { TargetPlan } from './target-plan.types';

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
