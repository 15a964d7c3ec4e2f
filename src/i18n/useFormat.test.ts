import { describe, expect, it } from 'vitest';
import { createFormatters } from './useFormat';

describe('createFormatters', () => {
  it('groups digits for the language', () => {
    expect(createFormatters('en').number(200000)).toBe('200,000');
    expect(createFormatters('zh-CN').number(200000)).toBe('200,000');
  });

  it('writes dates in the language', () => {
    const moment = Date.UTC(2026, 11, 1, 6, 5);

    expect(createFormatters('zh-CN').date(moment)).toContain('2026年12月1日');
    expect(createFormatters('en').date(moment)).toContain('Dec 1, 2026');
  });

  it('scales sizes to a readable unit', () => {
    expect(createFormatters('en').bytes(512)).toBe('512 byte');
    expect(createFormatters('en').bytes(2_300_000)).toBe('2.3 MB');
  });
});
