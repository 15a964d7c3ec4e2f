import { describe, expect, it } from 'vitest';
import { sameContent } from './same-content';

describe('sameContent', () => {
  it('ignores the order of object keys', () => {
    expect(
      sameContent({ b: 1, a: { y: [1, 2], x: '线索' } }, { a: { x: '线索', y: [1, 2] }, b: 1 }),
    ).toBe(true);
  });

  it('treats a missing key and an undefined one alike', () => {
    expect(sameContent({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it('tells apart different values, array orders and lengths', () => {
    expect(sameContent({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameContent([1, 2], [2, 1])).toBe(false);
    expect(sameContent([1], [1, 1])).toBe(false);
    expect(sameContent({ a: null }, { a: {} })).toBe(false);
    expect(sameContent([], {})).toBe(false);
  });
});
