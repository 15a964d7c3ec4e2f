import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_LENGTH, planFileName } from './plan-file-name';

const graphemes = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;

describe('planFileName', () => {
  it('names the file after the plan and its version', () => {
    expect(planFileName('2027 年度目标', 3)).toBe('2027 年度目标-v3.xlsx');
  });

  it('replaces characters that file systems reject', () => {
    expect(planFileName('华东/华南: "Q1" <新> | 目标?*\\', 1)).toBe(
      '华东_华南_ _Q1_ _新_ _ 目标___-v1.xlsx',
    );
  });

  it('drops leading dots and trailing dots and spaces', () => {
    expect(planFileName('..目标. ', 2)).toBe('目标-v2.xlsx');
  });

  it('falls back to a name when nothing is left', () => {
    expect(planFileName(' ... ', 1)).toBe('plan-v1.xlsx');
  });

  it('cuts a long name on a character boundary and keeps the version and extension', () => {
    const name = 'P'.repeat(85) + '👨‍👩‍👧' + 'EastRegion'.repeat(3);
    const fileName = planFileName(name, 12);
    expect(graphemes(fileName)).toBe(MAX_FILE_NAME_LENGTH);
    expect(fileName.endsWith('-v12.xlsx')).toBe(true);
    expect(fileName).toContain('👨‍👩‍👧');

    const atEmoji = planFileName('a'.repeat(91) + '👨‍👩‍👧' + 'b', 1);
    expect(atEmoji).toBe(`${'a'.repeat(91)}👨‍👩‍👧-v1.xlsx`);
  });

  it('keeps a Chinese name within 255 bytes of UTF-8', () => {
    const fileName = planFileName('华东大区年度销售目标'.repeat(10), 3);
    expect(new TextEncoder().encode(fileName).length).toBeLessThanOrEqual(255);
    expect(fileName).toBe(`${'华东大区年度销售目标'.repeat(9).slice(0, 82)}-v3.xlsx`);
    expect(graphemes(fileName)).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
  });
});
