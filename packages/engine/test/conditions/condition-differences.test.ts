import { describe, expect, it } from 'vitest';
import type { ConditionOptions } from '../../src/conditions/index.js';
import { compileOrFail, evaluateBoth } from '../support/condition-check.js';

const placeholders: ConditionOptions = { emptyValues: ['Select'] };

describe('field lookup', () => {
  it('reads a field named with a dot before treating the dot as a path', () => {
    expect(evaluateBoth({ var: 'a.b' }, { 'a.b': 'exact', a: { b: 'nested' } })).toBe('exact');
  });

  it('follows a dot path when no field has the whole name', () => {
    expect(evaluateBoth({ var: 'a.b' }, { a: { b: 'nested' } })).toBe('nested');
  });

  it('returns null for an absent field', () => {
    expect(evaluateBoth({ var: '城市' }, {})).toBeNull();
  });

  it('never reads inherited properties', () => {
    expect(evaluateBoth({ var: 'toString' }, {})).toBeNull();
    expect(evaluateBoth({ var: 'a.hasOwnProperty' }, { a: {} })).toBeNull();
    expect(evaluateBoth({ '==': [{ var: 'valueOf' }, null] }, {})).toBe(true);
    expect(evaluateBoth({ in: [{ var: 'toString' }, ['x']] }, {})).toBe(false);
    expect(evaluateBoth({ startsWith: [{ var: 'toLocaleString' }, 'f'] }, {})).toBe(false);
  });

  it('reads an own property named like an inherited one', () => {
    expect(evaluateBoth({ '==': [{ var: 'toString' }, 'own'] }, { toString: 'own' })).toBe(true);
  });

  it('never returns a method from a lead with a prototype', () => {
    class Row {
      score(): number {
        return 1;
      }
    }
    const compiled = compileOrFail({ var: 'score' });
    expect(compiled.evaluate(new Row() as never)).toBeNull();
    expect(compileOrFail({ '==': [{ var: 'score' }, null] }).test(new Row() as never)).toBe(true);
  });

  it('uses the default for every kind of missing value', () => {
    const expr = { var: ['城市', '未知'] };
    expect(evaluateBoth(expr, {})).toBe('未知');
    expect(evaluateBoth(expr, { 城市: null })).toBe('未知');
    expect(evaluateBoth(expr, { 城市: '  ' })).toBe('未知');
    expect(evaluateBoth(expr, { 城市: 'select' }, placeholders)).toBe('未知');
    expect(evaluateBoth(expr, { 城市: '杭州' })).toBe('杭州');
  });
});

describe('missing values', () => {
  const empties: Record<string, unknown>[] = [
    {},
    { x: null },
    { x: '' },
    { x: '   ' },
    { x: '\u3000' },
    { x: 'Select' },
    { x: ' select ' },
  ];

  it('makes every ordering comparison with a missing side false', () => {
    for (const lead of empties) {
      for (const operator of ['<', '<=', '>', '>=']) {
        expect(evaluateBoth({ [operator]: [{ var: 'x' }, 60] }, lead, placeholders)).toBe(false);
        expect(evaluateBoth({ [operator]: [60, { var: 'x' }] }, lead, placeholders)).toBe(false);
      }
    }
  });

  it('makes the between form false when the middle is missing', () => {
    for (const lead of empties) {
      expect(evaluateBoth({ '<=': [0, { var: 'x' }, 100] }, lead, placeholders)).toBe(false);
    }
  });

  it('treats missing as equal to missing and null only', () => {
    for (const lead of empties) {
      expect(evaluateBoth({ '==': [{ var: 'x' }, null] }, lead, placeholders)).toBe(true);
      expect(evaluateBoth({ '==': [{ var: 'x' }, ''] }, lead, placeholders)).toBe(true);
      expect(evaluateBoth({ '==': [{ var: 'x' }, { var: 'y' }] }, lead, placeholders)).toBe(true);
      expect(evaluateBoth({ '==': [{ var: 'x' }, 0] }, lead, placeholders)).toBe(false);
      expect(evaluateBoth({ '==': [{ var: 'x' }, false] }, lead, placeholders)).toBe(false);
      expect(evaluateBoth({ '!=': [{ var: 'x' }, 0] }, lead, placeholders)).toBe(true);
      expect(evaluateBoth({ '!=': [{ var: 'x' }, null] }, lead, placeholders)).toBe(false);
    }
  });

  it('keeps the placeholder a value when the dataset does not declare it', () => {
    expect(evaluateBoth({ '==': [{ var: 'x' }, null] }, { x: 'Select' })).toBe(false);
    expect(evaluateBoth({ '!!': { var: 'x' } }, { x: 'Select' })).toBe(true);
  });

  it('makes missing values falsy', () => {
    for (const lead of empties) {
      expect(evaluateBoth({ '!!': { var: 'x' } }, lead, placeholders)).toBe(false);
      expect(evaluateBoth({ '!': { var: 'x' } }, lead, placeholders)).toBe(true);
    }
  });

  it('lists placeholder and blank fields as missing', () => {
    const lead = { a: 'Select', b: '  ', c: '0', d: '杭州' };
    expect(evaluateBoth({ missing: ['a', 'b', 'c', 'd', 'e'] }, lead, placeholders)).toEqual([
      'a',
      'b',
      'e',
    ]);
  });

  it('gives null from arithmetic with a missing operand, never a sum with 0', () => {
    expect(evaluateBoth({ '+': [{ var: 'x' }, 1] }, { x: '' })).toBeNull();
    expect(evaluateBoth({ '-': [{ var: 'x' }, 1] }, { x: null })).toBeNull();
    expect(evaluateBoth({ '*': [{ var: 'x' }, 2] }, {})).toBeNull();
    expect(evaluateBoth({ max: [{ var: 'x' }, 2] }, { x: ' ' })).toBeNull();
  });

  it('writes missing values as nothing in cat and substr', () => {
    expect(evaluateBoth({ cat: ['[', { var: 'x' }, ']'] }, { x: 'Select' }, placeholders)).toBe(
      '[]',
    );
    expect(evaluateBoth({ cat: ['[', { var: 'x' }, ']'] }, {})).toBe('[]');
    expect(evaluateBoth({ substr: [{ var: 'x' }, 0, 2] }, {})).toBe('');
  });
});

describe('numeric text', () => {
  it('compares numeric text as numbers', () => {
    expect(evaluateBoth({ '>': [{ var: 'v' }, '9'] }, { v: '10' })).toBe(true);
    expect(evaluateBoth({ '<': ['9', '10'] }, {})).toBe(true);
    expect(evaluateBoth({ '>=': [{ var: 'v' }, 2.5] }, { v: ' 2.67 ' })).toBe(true);
    expect(evaluateBoth({ '<': [{ var: 'v' }, 0] }, { v: '-3' })).toBe(true);
  });

  it('adds numeric text as numbers', () => {
    expect(evaluateBoth({ '+': [{ var: 'a' }, { var: 'b' }] }, { a: '10', b: '5' })).toBe(15);
    expect(evaluateBoth({ '*': ['3'] }, {})).toBe(3);
    expect(evaluateBoth({ '-': ['7'] }, {})).toBe(-7);
  });

  it('makes "0" and "0.0" false and other numbers true', () => {
    expect(evaluateBoth({ '!!': { var: 'v' } }, { v: '0' })).toBe(false);
    expect(evaluateBoth({ '!!': { var: 'v' } }, { v: '0.0' })).toBe(false);
    expect(evaluateBoth({ '!!': { var: 'v' } }, { v: '-0' })).toBe(false);
    expect(evaluateBoth({ '!!': { var: 'v' } }, { v: '1' })).toBe(true);
    expect(evaluateBoth({ if: [{ var: 'status' }, 'on', 'off'] }, { status: '0' })).toBe('off');
  });

  it('equates numeric text with the same number', () => {
    expect(evaluateBoth({ '==': [{ var: 'v' }, 10] }, { v: '10.0' })).toBe(true);
    expect(evaluateBoth({ '==': ['1', 1] }, {})).toBe(true);
  });

  it('keeps text with a leading zero as text', () => {
    expect(evaluateBoth({ '==': [{ var: 'code' }, 881] }, { code: '000881' })).toBe(false);
    expect(evaluateBoth({ '==': [{ var: 'code' }, '000881'] }, { code: '000881' })).toBe(true);
    expect(evaluateBoth({ '<': [{ var: 'zip' }, 100000] }, { zip: '010010' })).toBe(false);
    expect(evaluateBoth({ '+': [{ var: 'zip' }, 1] }, { zip: '010010' })).toBeNull();
    expect(evaluateBoth({ '!!': { var: 'zip' } }, { zip: '00' })).toBe(true);
  });

  it('keeps thousands separators, units and exponents as text', () => {
    for (const text of ['1,200', '5万', '1e3', '0x10', '.5', '5.', 'Infinity']) {
      expect(evaluateBoth({ '>': [{ var: 'v' }, 0] }, { v: text })).toBe(false);
      expect(evaluateBoth({ '==': [{ var: 'v' }, text] }, { v: text })).toBe(true);
    }
  });

  it('orders other text by character codes, as JavaScript does', () => {
    expect(evaluateBoth({ '<': [{ var: 'v' }, 'b'] }, { v: 'a' })).toBe(true);
    expect(evaluateBoth({ '<': ['2024-01-05', { var: 'v' }] }, { v: '2024-02-01' })).toBe(true);
  });

  it('does not order a number against other text', () => {
    expect(evaluateBoth({ '>': [{ var: 'v' }, 3] }, { v: '5万' })).toBe(false);
    expect(evaluateBoth({ '<': [{ var: 'v' }, 3] }, { v: '5万' })).toBe(false);
    expect(evaluateBoth({ '<': [{ var: 'v' }, 'abc'] }, { v: 1 })).toBe(false);
  });
});

describe('column types', () => {
  const typed: ConditionOptions = {
    fieldTypes: {
      phone: 'phone',
      zip: 'postalCode',
      code: 'id',
      name: 'text',
      amount: 'number',
      vip: 'boolean',
    },
  };

  it('compares postal codes as text, with the other side written as text', () => {
    expect(evaluateBoth({ '<': [{ var: 'zip' }, 100000] }, { zip: '010010' }, typed)).toBe(true);
    expect(
      evaluateBoth({ '<=': ['010000', { var: 'zip' }, '019999'] }, { zip: '010010' }, typed),
    ).toBe(true);
    expect(
      evaluateBoth({ '<=': ['010000', { var: 'zip' }, '199999'] }, { zip: '100000' }, typed),
    ).toBe(true);
    expect(evaluateBoth({ '==': [{ var: 'zip' }, 10010] }, { zip: '010010' }, typed)).toBe(false);
  });

  it('matches a phone column against a number written in decimal', () => {
    expect(
      evaluateBoth({ '==': [{ var: 'phone' }, 13800000000] }, { phone: '13800000000' }, typed),
    ).toBe(true);
    expect(
      evaluateBoth(
        { in: [{ var: 'phone' }, [13800000000, 13900000000]] },
        { phone: '13800000000' },
        typed,
      ),
    ).toBe(true);
  });

  it('keeps numeric-looking ids as text', () => {
    expect(evaluateBoth({ '==': [{ var: 'code' }, '10.0'] }, { code: '10' }, typed)).toBe(false);
    expect(evaluateBoth({ '>': [{ var: 'code' }, '9'] }, { code: '12' }, typed)).toBe(false);
    expect(evaluateBoth({ '+': [{ var: 'code' }, 1] }, { code: '12' }, typed)).toBeNull();
  });

  it('converts number columns with separators, leading zeros and units', () => {
    expect(evaluateBoth({ var: 'amount' }, { amount: '1,200' }, typed)).toBe(1200);
    expect(evaluateBoth({ var: 'amount' }, { amount: '007' }, typed)).toBe(7);
    expect(evaluateBoth({ var: 'amount' }, { amount: '5万' }, typed)).toBe(50000);
    expect(evaluateBoth({ var: 'amount' }, { amount: '１２.５' }, typed)).toBe(12.5);
    expect(evaluateBoth({ '>': [{ var: 'amount' }, 1000] }, { amount: '1,200' }, typed)).toBe(true);
    expect(evaluateBoth({ var: 'amount' }, { amount: '面议' }, typed)).toBe('面议');
  });

  it('converts boolean columns from yes and no words', () => {
    expect(evaluateBoth({ var: 'vip' }, { vip: '是' }, typed)).toBe(true);
    expect(evaluateBoth({ var: 'vip' }, { vip: 'No' }, typed)).toBe(false);
    expect(evaluateBoth({ '==': [{ var: 'vip' }, true] }, { vip: 'yes' }, typed)).toBe(true);
  });
});

describe('in', () => {
  it('tests membership in a list with the format equality', () => {
    expect(evaluateBoth({ in: [{ var: 'v' }, [10, 20]] }, { v: '10' })).toBe(true);
    expect(evaluateBoth({ in: [{ var: 'v' }, ['广东', '浙江']] }, { v: '浙江' })).toBe(true);
    expect(evaluateBoth({ in: [{ var: 'v' }, ['广东', '浙江']] }, { v: '江' })).toBe(false);
  });

  it('tests a substring when the second argument is text', () => {
    expect(
      evaluateBoth({ in: ['科技', { var: 'company' }] }, { company: '杭州示例科技有限公司' }),
    ).toBe(true);
    expect(evaluateBoth({ in: [12, { var: 'v' }] }, { v: 'A123' })).toBe(true);
  });

  it('never finds a missing first argument', () => {
    expect(evaluateBoth({ in: [{ var: 'v' }, ['', null]] }, { v: '' })).toBe(false);
    expect(evaluateBoth({ in: [{ var: 'v' }, 'abc'] }, {})).toBe(false);
    expect(evaluateBoth({ in: ['', 'abc'] }, {})).toBe(false);
  });

  it('finds nothing in null, numbers or missing text', () => {
    expect(evaluateBoth({ in: ['a', { var: 'list' }] }, { list: null })).toBe(false);
    expect(evaluateBoth({ in: ['1', 1] }, {})).toBe(false);
    expect(evaluateBoth({ in: ['a', ' '] }, {})).toBe(false);
  });
});
