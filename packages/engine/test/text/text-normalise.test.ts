import { describe, expect, it } from 'vitest';
import { foldFullWidth, isTrimmedCode, toComparableText } from '../../src/text/index.js';

describe('foldFullWidth', () => {
  it('folds full-width letters, digits and punctuation', () => {
    expect(foldFullWidth('ＡＢＣ１２３')).toBe('ABC123');
    expect(foldFullWidth('（杭州）')).toBe('(杭州)');
    expect(foldFullWidth('１，２００．５')).toBe('1,200.5');
  });

  it('folds the ideographic space to a plain space', () => {
    expect(foldFullWidth('\u3000杭州\u3000')).toBe(' 杭州 ');
  });

  it('leaves Chinese text and half-width text alone', () => {
    const text = '杭州示例科技有限公司 abc';
    expect(foldFullWidth(text)).toBe(text);
  });

  it('covers the whole full-width block', () => {
    for (let code = 0xff01; code <= 0xff5e; code++) {
      expect(foldFullWidth(String.fromCharCode(code))).toBe(String.fromCharCode(code - 0xfee0));
    }
  });
});

describe('isTrimmedCode', () => {
  it('matches String.prototype.trim for every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      expect(isTrimmedCode(code), code.toString(16)).toBe(char.trim() === '');
    }
  });
});

describe('toComparableText', () => {
  it('folds, trims and lower-cases', () => {
    expect(toComparableText('\u3000ＭＵＭＢＡＩ ')).toBe('mumbai');
  });
});
