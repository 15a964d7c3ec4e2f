import { describe, expect, it } from 'vitest';
import { readCellEntry } from './cell-entry';

describe('readCellEntry', () => {
  it.each([
    ['1200000', 1_200_000],
    ['1,200,000', 1_200_000],
    ['12万', 120_000],
    ['1.5万', 15_000],
    ['1.2亿', 120_000_000],
    ['１２万', 120_000],
    ['１，２００', 1_200],
    ['¥ 3,500', 3_500],
    [' 0 ', 0],
  ])('reads %s', (text, value) => {
    expect(readCellEntry(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['abc', 'not-a-number'],
    ['12万元整', 'not-a-number'],
    ['-5000', 'negative'],
    ['(800)', 'negative'],
    ['1.5', 'fraction'],
    ['1.23456万', 'fraction'],
    ['999999999999999999', 'too-large'],
  ])('rejects %s', (text, error) => {
    expect(readCellEntry(text)).toEqual({ ok: false, error });
  });
});
