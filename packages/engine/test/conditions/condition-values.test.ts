import { describe, expect, it } from 'vitest';
import {
  isEmptyValue,
  isTruthy,
  parseBooleanCell,
  parseNumberCell,
  parseNumericText,
} from '../../src/conditions/index.js';
import { conditionFields } from '../../src/conditions/index.js';
import { truthyReference } from '../support/json-logic-reference.js';

describe('parseNumericText', () => {
  it.each([
    ['0', 0],
    ['10', 10],
    ['-3', -3],
    ['+4', 4],
    ['2.67', 2.67],
    ['0.5', 0.5],
    ['-0.25', -0.25],
    [' 12 ', 12],
    ['\u300012\u3000', 12],
    ['13800000000', 13800000000],
  ])('reads %j as %d', (text, number) => {
    expect(parseNumericText(text)).toBe(number);
  });

  it.each([
    '',
    ' ',
    '010010',
    '000881',
    '00',
    '-01',
    '1,200',
    '5万',
    '1e3',
    '0x10',
    '.5',
    '5.',
    '+',
    '-',
    '1 2',
    'Infinity',
    'NaN',
    '１２',
    '12abc',
  ])('rejects %j', (text) => {
    expect(parseNumericText(text)).toBeNaN();
  });

  it('reads integers of every length as Number does, signs and zero included', () => {
    const texts = ['-0', '+0', '0', '7', '-7', '+7', ' 42 '];
    for (let digits = 1; digits <= 22; digits += 1) {
      const text = '9'.repeat(digits);
      texts.push(text, `-${text}`, `1${'0'.repeat(digits)}`, `${'8'.repeat(digits)}3`);
    }
    texts.push('9007199254740993', '123456789012345', '1234567890123456');
    for (const text of texts)
      expect(Object.is(parseNumericText(text), Number(text)), text).toBe(true);
  });
});

describe('parseNumberCell', () => {
  it.each([
    ['1,200', 1200],
    ['1,234,567.5', 1234567.5],
    ['007', 7],
    ['5万', 50000],
    ['1.5亿', 150000000],
    ['-2万', -20000],
    ['１２．５', 12.5],
    [' 42 ', 42],
  ])('reads %j as %d', (text, number) => {
    expect(parseNumberCell(text)).toBe(number);
  });

  it.each(['面议', '12,34', '1,2345', '', '5千', '1e3'])('rejects %j', (text) => {
    expect(parseNumberCell(text)).toBeNaN();
  });
});

describe('parseBooleanCell', () => {
  it('reads yes and no words', () => {
    for (const text of ['true', 'YES', 'y', '1', '是', '对', ' Yes ']) {
      expect(parseBooleanCell(text)).toBe(true);
    }
    for (const text of ['false', 'No', 'n', '0', '否', '错'])
      expect(parseBooleanCell(text)).toBe(false);
    expect(parseBooleanCell('maybe')).toBeUndefined();
  });
});

describe('isEmptyValue', () => {
  const options = { emptyValues: ['Select', ' 请选择 ', ''] };

  it('treats null, absent and blank text as empty', () => {
    for (const value of [null, undefined, '', '  ', '\t\n', '\u3000']) {
      expect(isEmptyValue(value), JSON.stringify(value)).toBe(true);
    }
  });

  it('treats placeholders as empty, trimmed and in any case', () => {
    for (const value of ['Select', 'select', '  SELECT ', '请选择']) {
      expect(isEmptyValue(value, options), value).toBe(true);
    }
  });

  it('keeps other values, including 0 and false', () => {
    for (const value of [0, false, '0', 'Selected', 'Select me', 'x', []]) {
      expect(isEmptyValue(value, options), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('isTruthy', () => {
  const options = { emptyValues: ['Select'] };
  const values: unknown[] = [
    true,
    false,
    0,
    -0,
    1,
    NaN,
    '',
    ' ',
    '0',
    '0.0',
    '00',
    '1',
    'abc',
    'Select',
    null,
    undefined,
    [],
    [0],
    {},
  ];

  it('matches the reference truthiness', () => {
    for (const value of values) {
      expect(isTruthy(value, options), JSON.stringify(value)).toBe(truthyReference(value, options));
    }
  });

  it('makes numeric zero text false and other text true', () => {
    expect(isTruthy('0')).toBe(false);
    expect(isTruthy('00')).toBe(true);
    expect(isTruthy('Select')).toBe(true);
    expect(isTruthy('Select', options)).toBe(false);
  });
});

describe('conditionFields', () => {
  it('lists fields of an expression that does not compile', () => {
    expect(
      conditionFields({ and: [{ var: 'a' }, { method: [{ var: 'b' }] }, { missing: 'c' }] }),
    ).toEqual(['a', 'b', 'c']);
  });

  it('skips names computed at run time and list elements', () => {
    expect(
      conditionFields({
        or: [{ var: { cat: ['x'] } }, { all: [{ var: 'list' }, { var: 'inner' }] }, { var: 7 }],
      }),
    ).toEqual(['list', '7']);
  });

  it('returns nothing for plain values', () => {
    expect(conditionFields(null)).toEqual([]);
    expect(conditionFields('text')).toEqual([]);
  });
});
