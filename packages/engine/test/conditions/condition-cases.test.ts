import { describe, expect, it } from 'vitest';
import { compileCondition, readField } from '../../src/conditions/index.js';
import { evaluateBoth, rejectBoth } from '../support/condition-check.js';

describe('low-score rule on missing scores', () => {
  const lowScore = { '<': [{ var: '评分' }, 60] };

  it('sends no row without a score to the low-score branch', () => {
    for (const lead of [{}, { 评分: '' }, { 评分: null }]) {
      expect(evaluateBoth(lowScore, lead)).toBe(false);
    }
  });

  it('keeps a missing value out of both ends of a between rule', () => {
    expect(evaluateBoth({ '<=': [0, { var: 'x' }, 1] }, { x: null })).toBe(false);
    expect(evaluateBoth({ '<=': [0, { var: 'x' }, 1] }, { x: '' })).toBe(false);
  });

  it('still sends a real low score there', () => {
    expect(evaluateBoth(lowScore, { 评分: '45' })).toBe(true);
    expect(evaluateBoth(lowScore, { 评分: 45 })).toBe(true);
    expect(evaluateBoth(lowScore, { 评分: '0' })).toBe(true);
  });

  it('lets an is-empty filter catch the rows without a score', () => {
    const isEmpty = { '==': [{ var: '评分' }, null] };
    for (const lead of [{}, { 评分: '' }, { 评分: null }]) {
      expect(evaluateBoth(isEmpty, lead)).toBe(true);
    }
    expect(evaluateBoth(isEmpty, { 评分: '0' })).toBe(false);
  });
});

describe('numeric columns held as text', () => {
  it('finds 10 visits greater than "9"', () => {
    expect(evaluateBoth({ '>': [{ var: 'TotalVisits' }, '9'] }, { TotalVisits: '10' })).toBe(true);
  });

  it('compares decimal page views numerically', () => {
    const rule = { '>=': [{ var: 'Page Views Per Visit' }, '10'] };
    expect(evaluateBoth(rule, { 'Page Views Per Visit': '2.67' })).toBe(false);
    expect(evaluateBoth(rule, { 'Page Views Per Visit': '12.5' })).toBe(true);
  });
});

describe('in with province lists', () => {
  const joined = { in: [{ var: '省份' }, '广东,浙江'] };
  const listed = { in: [{ var: '省份' }, ['广东', '浙江']] };

  it('never counts an empty province as part of a joined string', () => {
    expect(evaluateBoth(joined, { 省份: '' })).toBe(false);
  });

  it('still tests a substring in a joined string, so regions use lists', () => {
    expect(evaluateBoth(joined, { 省份: '东' })).toBe(true);
  });

  it('matches whole province names in the list form', () => {
    expect(evaluateBoth(listed, { 省份: '' })).toBe(false);
    expect(evaluateBoth(listed, { 省份: '东' })).toBe(false);
    expect(evaluateBoth(listed, { 省份: '广东' })).toBe(true);
  });

  it('returns false for a null list without throwing', () => {
    expect(evaluateBoth({ in: ['杭州', { var: '城市列表' }] }, { 城市列表: null })).toBe(false);
  });
});

describe('code execution and prototype walks', () => {
  it('rejects the method operation', () => {
    const problem = rejectBoth(
      { method: [{ var: 's' }, 'toUpperCase', []] },
      'condition-operator-not-allowed',
    );
    expect(problem.params).toEqual({ operator: 'method' });
    expect(problem.path).toBe('');
  });

  it('rejects prototype segments in field paths when compiling', () => {
    const problem = rejectBoth({ var: '__proto__.constructor.name' }, 'condition-unsafe-path');
    expect(problem.params).toEqual({ field: '__proto__.constructor.name', segment: '__proto__' });
    expect(problem.path).toBe('var[0]');
    rejectBoth({ var: 'constructor' }, 'condition-unsafe-path');
    rejectBoth({ var: 'a.prototype' }, 'condition-unsafe-path');
    rejectBoth({ missing: ['ok', 'constructor'] }, 'condition-unsafe-path');
    rejectBoth({ missing_some: [1, ['ok', '__proto__']] }, 'condition-unsafe-path');
  });

  it('reads null for prototype walks built at run time', () => {
    const walk = { var: { cat: ['__proto__', '.constructor.name'] } };
    expect(evaluateBoth(walk, {})).toBeNull();
    expect(evaluateBoth({ var: { cat: ['construct', 'or'] } }, {})).toBeNull();
    expect(evaluateBoth({ missing: { merge: ['constructor'] } }, {})).toEqual(['constructor']);
  });

  it('reads only own fields at the lowest level', () => {
    expect(readField({}, '__proto__.constructor.name')).toBeUndefined();
    expect(readField({}, 'constructor')).toBeUndefined();
    expect(readField({ a: 1 }, 'a')).toBe(1);
  });

  it('rejects log and the list operations the format does not list', () => {
    for (const operator of ['log', 'filter', 'map', 'reduce', '?:', 'xor', 'toString']) {
      const compiled = compileCondition({ [operator]: [[1], { var: '' }] });
      expect(compiled.ok).toBe(false);
      if (!compiled.ok) expect(compiled.problems[0]?.code).toBe('condition-operator-not-allowed');
    }
  });
});
