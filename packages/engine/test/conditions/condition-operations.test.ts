import { describe, expect, it } from 'vitest';
import { CONDITION_OPERATIONS, compileCondition } from '../../src/conditions/index.js';
import { compileOrFail, evaluateBoth, rejectBoth } from '../support/condition-check.js';

const lead = {
  name: '张伟',
  city: '杭州',
  score: '75',
  visits: 12,
  vip: true,
  tags: '',
  phone: '13800000000',
  budget: '5000',
  nested: { level: 2, 'dotted.key': 'deep' },
};

/** [expression, expected value] on `lead`, each checked against the reference too. */
const CASES: [unknown, unknown][] = [
  [{ var: 'city' }, '杭州'],
  [{ var: ['missing', 'fallback'] }, 'fallback'],
  [{ var: 'nested.level' }, 2],
  [{ var: 1 }, null],
  [{ var: { if: [true, 'city', 'name'] } }, '杭州'],
  [{ missing: ['city', 'absent', 'tags'] }, ['absent', 'tags']],
  [{ missing: [['city', 'absent']] }, ['absent']],
  [{ missing: { merge: ['absent', 'city'] } }, ['absent']],
  [{ missing_some: [1, ['city', 'absent']] }, []],
  [{ missing_some: [2, ['city', 'absent', 'tags']] }, ['absent', 'tags']],
  [
    { if: [{ '>=': [{ var: 'score' }, 80] }, 'A', { '>=': [{ var: 'score' }, 60] }, 'B', 'C'] },
    'B',
  ],
  [{ if: [false, 'yes'] }, null],
  [{ if: [] }, null],
  [{ if: ['only'] }, 'only'],
  [{ '==': [{ var: 'visits' }, '12'] }, true],
  [{ '===': [{ var: 'visits' }, '12'] }, false],
  [{ '===': [{ var: 'visits' }, 12] }, true],
  [{ '!=': [{ var: 'city' }, '上海'] }, true],
  [{ '!==': [{ var: 'score' }, 75] }, true],
  [{ '!': [{ var: 'vip' }] }, false],
  [{ '!!': [{ var: 'tags' }] }, false],
  [{ or: [{ var: 'tags' }, { var: 'city' }] }, '杭州'],
  [{ or: [0, ''] }, ''],
  [{ and: [{ var: 'city' }, { var: 'visits' }] }, 12],
  [{ and: [{ var: 'city' }, '0', 'never'] }, '0'],
  [{ '>': [{ var: 'visits' }, 10] }, true],
  [{ '>=': [{ var: 'score' }, '75'] }, true],
  [{ '<': [1, { var: 'visits' }, 20] }, true],
  [{ '<=': [12, { var: 'visits' }, 12] }, true],
  [{ '<': [12, { var: 'visits' }, 20] }, false],
  [{ max: [{ var: 'score' }, { var: 'visits' }, 3] }, 75],
  [{ min: [{ var: 'score' }, { var: 'visits' }] }, 12],
  [{ '+': [{ var: 'score' }, { var: 'visits' }, '0.5'] }, 87.5],
  [{ '+': ['3'] }, 3],
  [{ '-': [{ var: 'score' }, 5] }, 70],
  [{ '-': [{ var: 'visits' }] }, -12],
  [{ '*': [{ var: 'budget' }, '0.1'] }, 500],
  [{ '/': [{ var: 'score' }, 3] }, 25],
  [{ '/': [1, 0] }, Infinity],
  [{ '/': [0, 0] }, null],
  [{ '%': [{ var: 'visits' }, 5] }, 2],
  [{ in: [{ var: 'city' }, ['杭州', '宁波']] }, true],
  [{ in: ['杭', { var: 'city' }] }, true],
  [
    { cat: [{ var: 'city' }, '-', { var: 'visits' }, '-', true, [1, [2, null]]] },
    '杭州-12-true1,2,',
  ],
  [{ cat: [] }, ''],
  [{ substr: [{ var: 'phone' }, 0, 3] }, '138'],
  [{ substr: [{ var: 'phone' }, -4] }, '0000'],
  [{ substr: [{ var: 'phone' }, 3, -4] }, '0000'],
  [{ substr: [{ var: 'phone' }, '1', '2'] }, '38'],
  [{ substr: [12345, 1, 2] }, '23'],
  [{ merge: [1, [2, 3], [[4]]] }, [1, 2, 3, [4]]],
  [{ merge: [] }, []],
  [{ all: [[1, 2, 3], { '>': [{ var: '' }, 0] }] }, true],
  [{ all: [[], { '>': [{ var: '' }, 0] }] }, false],
  [{ none: [[1, 2], { '>': [{ var: '' }, 5] }] }, true],
  [{ none: [[], { var: '' }] }, true],
  [{ some: [[1, 8], { '>': [{ var: '' }, 5] }] }, true],
  [{ some: [{ var: 'city' }, { var: '' }] }, false],
  [{ some: [[{ merge: [] }], { '!': { var: '' } }] }, true],
  [{ startsWith: [{ var: 'phone' }, '138'] }, true],
  [{ startsWith: [{ var: 'phone' }, 138] }, true],
  [{ endsWith: [{ var: 'name' }, '伟'] }, true],
  [{ endsWith: [{ var: 'visits' }, 2] }, true],
  [{ startsWith: [{ var: 'phone' }, ''] }, false],
  [{ startsWith: [{ var: 'vip' }, 't'] }, false],
];

describe('condition operations', () => {
  it.each(CASES)('evaluates %j', (expr, expected) => {
    expect(evaluateBoth(expr, lead)).toEqual(expected);
  });

  it('accepts exactly the operations the format lists', () => {
    expect(CONDITION_OPERATIONS).toEqual([
      'var',
      'missing',
      'missing_some',
      'if',
      '==',
      '===',
      '!=',
      '!==',
      '!',
      '!!',
      'or',
      'and',
      '>',
      '>=',
      '<',
      '<=',
      'max',
      'min',
      '+',
      '-',
      '*',
      '/',
      '%',
      'in',
      'cat',
      'substr',
      'merge',
      'all',
      'none',
      'some',
      'startsWith',
      'endsWith',
    ]);
  });

  it('covers every accepted operation in the cases above', () => {
    const used = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          used.add(key);
          collect(value);
        }
      }
    };
    CASES.forEach(([expr]) => collect(expr));
    for (const operation of CONDITION_OPERATIONS) expect(used, operation).toContain(operation);
  });

  it('rejects an operation key parsed from JSON as __proto__', () => {
    rejectBoth(JSON.parse('{"__proto__": [1]}'), 'condition-operator-not-allowed');
  });

  it('reads elements, not lead fields, inside all, none and some', () => {
    expect(evaluateBoth({ some: [[{ merge: [] }], { var: 'city' }] }, lead)).toBe(false);
  });
});

describe('compileCondition results', () => {
  it('lists the fields read by name in order', () => {
    const compiled = compileOrFail({
      and: [
        { '>': [{ var: 'score' }, 60] },
        { missing: ['phone', 'score'] },
        { missing_some: [1, ['email', 'wechat']] },
        { some: [[1], { var: 'inner' }] },
        { var: { cat: ['dyn', 'amic'] } },
        { var: '' },
      ],
    });
    expect(compiled.fields).toEqual(['score', 'phone', 'email', 'wechat']);
  });

  it('folds constant parts once at compile time', () => {
    const compiled = compileOrFail({ '+': [1, { '*': [2, 3] }] });
    expect(compiled.evaluate({})).toBe(7);
    expect(compiled.test({})).toBe(true);
  });

  it('shares frozen constant lists between evaluations', () => {
    const compiled = compileOrFail({ merge: [[1], [2]] });
    const first = compiled.evaluate({});
    expect(first).toEqual([1, 2]);
    expect(Object.isFrozen(first)).toBe(true);
    expect(compiled.evaluate({})).toBe(first);
  });

  it('builds a new list when the list reads fields', () => {
    const compiled = compileOrFail({ merge: [{ var: 'a' }] });
    expect(compiled.evaluate({ a: 1 })).toEqual([1]);
    expect(compiled.evaluate({ a: 1 })).not.toBe(compiled.evaluate({ a: 1 }));
  });

  it('accepts a plain value as an expression', () => {
    expect(compileOrFail(true).test({})).toBe(true);
    expect(compileOrFail('0').test({})).toBe(false);
    expect(compileOrFail(null).evaluate({})).toBeNull();
    expect(evaluateBoth([{ var: 'a' }, 2], { a: 1 })).toEqual([1, 2]);
  });

  it('reads a lead without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, string>, { score: '80' });
    const compiled = compileOrFail({ '>': [{ var: 'score' }, 60] });
    expect(compiled.test(bare)).toBe(true);
    expect(compileCondition({ cat: [{ var: '' }] }).ok).toBe(true);
  });
});
