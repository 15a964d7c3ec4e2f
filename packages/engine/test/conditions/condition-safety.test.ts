import { describe, expect, it } from 'vitest';
import {
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_NODES,
  compileCondition,
} from '../../src/conditions/index.js';
import { rejectBoth } from '../support/condition-check.js';

/** Nests `!` around a value until the value sits at the given level. */
function nestedNot(levels: number): unknown {
  let expr: unknown = true;
  for (let level = 1; level < levels; level++) expr = { '!': [expr] };
  return expr;
}

describe('compileCondition limits', () => {
  it('accepts an expression exactly 64 levels deep', () => {
    expect(compileCondition(nestedNot(MAX_CONDITION_DEPTH)).ok).toBe(true);
  });

  it('rejects an expression 65 levels deep', () => {
    const problem = rejectBoth(nestedNot(MAX_CONDITION_DEPTH + 1), 'condition-too-deep');
    expect(problem.params).toEqual({ maxDepth: 64 });
    expect(problem.path.startsWith('![0].![0]')).toBe(true);
  });

  it('rejects a deep chain without overflowing the stack', () => {
    expect(compileCondition(nestedNot(200_000)).ok).toBe(false);
  });

  it('accepts 10,000 nodes and rejects 10,001', () => {
    const literals = (count: number) => ({ cat: Array.from({ length: count }, () => 'x') });
    expect(compileCondition(literals(MAX_CONDITION_NODES - 1)).ok).toBe(true);
    const problem = rejectBoth(literals(MAX_CONDITION_NODES), 'condition-too-large');
    expect(problem.params).toEqual({ maxNodes: 10_000 });
  });

  it('stops on a cyclic expression built in code', () => {
    const cycle: Record<string, unknown[]> = { and: [] };
    cycle.and!.push(cycle);
    const compiled = compileCondition(cycle);
    expect(compiled.ok).toBe(false);
  });
});

describe('compileCondition rejections', () => {
  it('names the path of a rejected operation inside groups', () => {
    const problem = rejectBoth(
      { and: [{ '==': [1, 1] }, { '<': [{ log: 'x' }, 2] }] },
      'condition-operator-not-allowed',
    );
    expect(problem.path).toBe('and[1].<[0]');
    expect(problem.params).toEqual({ operator: 'log' });
  });

  it('names list elements in the path', () => {
    const problem = rejectBoth(
      { in: [{ var: 'a' }, [1, { method: [] }]] },
      'condition-operator-not-allowed',
    );
    expect(problem.path).toBe('in[1][1]');
  });

  it('reports every rejected operation, not only the first', () => {
    const compiled = compileCondition({ or: [{ log: 1 }, { method: [] }, { var: 'constructor' }] });
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['condition-operator-not-allowed', 'or[0]'],
      ['condition-operator-not-allowed', 'or[1]'],
      ['condition-unsafe-path', 'or[2].var[0]'],
    ]);
  });

  it('rejects objects that are not one operation', () => {
    expect(rejectBoth({}, 'condition-invalid').params).toEqual({
      reason: 'not-an-operation',
      keys: 0,
    });
    rejectBoth({ '==': [1, 1], '!=': [1, 2] }, 'condition-invalid');
    rejectBoth({ '==': [{ var: 'a' }, { value: 1 }] }, 'condition-operator-not-allowed');
  });

  it('rejects values JSON cannot hold', () => {
    for (const value of [
      undefined,
      () => 1,
      Number.NaN,
      Infinity,
      10n,
      Symbol('s'),
      new Date(0),
      new Map(),
    ]) {
      const compiled = compileCondition({ '==': [{ var: 'a' }, value] });
      expect(compiled.ok, String(value)).toBe(false);
      if (!compiled.ok) {
        expect(compiled.problems[0]?.code).toBe('condition-invalid');
        expect(compiled.problems[0]?.params.reason).toBe('unsupported-value');
        expect(compiled.problems[0]?.path).toBe('==[1]');
      }
    }
  });

  it('rejects wrong argument counts with the allowed range', () => {
    expect(rejectBoth({ '==': [1] }, 'condition-invalid').params).toEqual({
      reason: 'argument-count',
      operator: '==',
      count: 1,
      min: 2,
      max: 2,
    });
    expect(rejectBoth({ and: [] }, 'condition-invalid').params).toMatchObject({ min: 1, max: -1 });
    rejectBoth({ '!': [] }, 'condition-invalid');
    rejectBoth({ '!': [1, 2] }, 'condition-invalid');
    rejectBoth({ '<': [1, 2, 3, 4] }, 'condition-invalid');
    rejectBoth({ '/': [1] }, 'condition-invalid');
    rejectBoth({ '*': [] }, 'condition-invalid');
    rejectBoth({ var: ['a', 1, 2] }, 'condition-invalid');
    rejectBoth({ substr: ['abc'] }, 'condition-invalid');
    rejectBoth({ missing_some: [1] }, 'condition-invalid');
  });

  it('rejects field names that are not text, numbers or null', () => {
    expect(rejectBoth({ var: true }, 'condition-invalid').params).toEqual({ reason: 'field-name' });
    rejectBoth({ var: [['a']] }, 'condition-invalid');
    rejectBoth({ missing: ['a', false] }, 'condition-invalid');
  });

  it('rejects an unsafe segment anywhere in a dotted name', () => {
    for (const name of ['a.__proto__', 'a.b.constructor', 'prototype.x', '__proto__']) {
      expect(rejectBoth({ var: name }, 'condition-unsafe-path').params.field).toBe(name);
    }
    rejectBoth({ var: ['constructor', 'fallback'] }, 'condition-unsafe-path');
    rejectBoth({ missing: [['a', '__proto__']] }, 'condition-unsafe-path');
  });

  it('accepts names that only contain the unsafe words', () => {
    expect(compileCondition({ var: 'constructorName' }).ok).toBe(true);
    expect(compileCondition({ var: 'my_prototype' }).ok).toBe(true);
  });

  it('returns problems as data and never throws for bad input', () => {
    for (const expr of [undefined, { var: { method: [] } }, [{ '?:': [1, 2, 3] }], { '': 1 }]) {
      expect(() => compileCondition(expr)).not.toThrow();
      expect(compileCondition(expr).ok).toBe(false);
    }
  });
});
