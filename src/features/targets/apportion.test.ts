import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, roundQuotas } from './apportion';

describe('apportion', () => {
  it('gives spare units to the largest remainders', () => {
    expect(apportion(10, [5, 3, 2])).toEqual([5, 3, 2]);
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(7, [0.5, 0.3, 0.2])).toEqual([4, 2, 1]);
  });

  it('breaks ties by position', () => {
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(12_000_001, new Array(12).fill(1))).toEqual([
      1_000_001,
      ...new Array(11).fill(1_000_000),
    ]);
  });

  it('treats fractions equal on paper as a tie despite floating-point noise', () => {
    // 0.1 + 0.2 style noise: these weights give quotas whose fractions differ only in the last bits.
    expect(apportion(1, [0.1 + 0.2, 0.3, 0.3])).toEqual([1, 0, 0]);
    expect(apportion(2, [0.3, 0.1 + 0.2, 0.3])).toEqual([1, 1, 0]);
  });

  it('gives nothing to a zero weight', () => {
    expect(apportion(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2]);
  });

  it('rejects a positive total with no positive weight', () => {
    expect(() => apportion(5, [0, 0])).toThrow(RangeError);
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
  });

  it('rejects a fractional or negative total and negative weights', () => {
    expect(() => apportion(1.5, [1])).toThrow(/whole number/);
    expect(() => apportion(-1, [1])).toThrow(/whole number/);
    expect(() => apportion(1, [1, -1])).toThrow(/at least 0/);
    expect(() => apportion(1, [Number.NaN])).toThrow(/finite/);
  });

  it('adds up to the total for any weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0));
          const shares = apportion(total, weights);
          expect(shares.reduce((sum, share) => sum + share, 0)).toBe(total);
          const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
          shares.forEach((share, index) => {
            expect(Number.isInteger(share)).toBe(true);
            const quota = (total * (weights[index] ?? 0)) / weightSum;
            expect(share).toBeGreaterThanOrEqual(Math.floor(quota - 1e-6));
            expect(share).toBeLessThanOrEqual(Math.ceil(quota + 1e-6));
            if (weights[index] === 0) expect(share).toBe(0);
          });
        },
      ),
    );
  });

  it('never gives an earlier equal weight less than a later one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 30 }),
        (total, count) => {
          const shares = apportion(total, new Array(count).fill(1));
          for (let index = 1; index < shares.length; index++) {
            expect(shares[index - 1]).toBeGreaterThanOrEqual(shares[index] ?? 0);
          }
          expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('roundQuotas', () => {
  it('keeps whole quotas as they are', () => {
    expect(roundQuotas(6, [1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('hands out units again when quotas fall short of the total', () => {
    expect(roundQuotas(5, [1, 1])).toEqual([3, 2]);
  });

  it('takes units back from the smallest fractions when quotas overshoot', () => {
    expect(roundQuotas(2, [1, 2])).toEqual([1, 1]);
  });
});
