import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { checkNumber, describeNumberProblem } from './number-check';

describe('checkNumber', () => {
  it('accepts a number within the rules', () => {
    expect(checkNumber(5, { min: 0, integer: true })).toEqual({ ok: true, value: 5 });
    expect(checkNumber('1,200', { min: 0 })).toEqual({ ok: true, value: 1200 });
  });

  it('rejects a negative number instead of clamping it', () => {
    const result = checkNumber(-1, { min: 0 });

    expect(result).toEqual({
      ok: false,
      problem: { key: 'numberField.belowMin', values: { min: 0 } },
    });
  });

  it('names the allowed range of a value outside it', () => {
    const result = checkNumber(99999, { min: 2000, max: 2100, integer: true });

    expect(result).toEqual({
      ok: false,
      problem: { key: 'numberField.outOfRange', values: { min: 2000, max: 2100 } },
    });
  });

  it('treats an empty field as null unless it is required', () => {
    expect(checkNumber('', {})).toEqual({ ok: true, value: null });
    expect(checkNumber('', { required: true })).toMatchObject({
      ok: false,
      problem: { key: 'numberField.required' },
    });
  });

  it('rejects text that is not a number', () => {
    expect(checkNumber('😀', {})).toMatchObject({
      ok: false,
      problem: { key: 'numberField.notNumber' },
    });
    expect(checkNumber('-', {})).toMatchObject({
      ok: false,
      problem: { key: 'numberField.notNumber' },
    });
  });

  it('rejects a fraction where a whole number is required', () => {
    expect(checkNumber(1.5, { integer: true })).toMatchObject({
      ok: false,
      problem: { key: 'numberField.notInteger' },
    });
  });

  it('rejects a number too large to hold exactly', () => {
    expect(checkNumber('99999999999999999999', { min: 0 })).toMatchObject({
      ok: false,
      problem: { key: 'numberField.tooLarge' },
    });
  });
});

describe('describeNumberProblem', () => {
  it('writes the range in both languages, years without grouping', async () => {
    const i18n = initI18n('zh-CN');
    const problem = { key: 'numberField.outOfRange', values: { min: 2000, max: 2100 } } as const;

    await i18n.changeLanguage('zh-CN');
    expect(describeNumberProblem(i18n.t, problem, 'zh-CN', false)).toBe(
      '必须在 2000 到 2100 之间。',
    );
    await i18n.changeLanguage('en');
    expect(describeNumberProblem(i18n.t, problem, 'en', false)).toBe(
      'Must be between 2000 and 2100.',
    );
  });
});
