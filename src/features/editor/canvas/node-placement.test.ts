import { describe, expect, it } from 'vitest';
import { findFreePosition } from './node-placement';

describe('findFreePosition', () => {
  const size = { width: 200, height: 100 };

  it('centres the node on the point when the spot is free', () => {
    expect(findFreePosition({ x: 500, y: 300 }, [], size)).toEqual({ x: 400, y: 250 });
  });

  it('moves away from a node that covers the spot', () => {
    const occupied = [{ x: 400, y: 250, width: 200, height: 100 }];

    const position = findFreePosition({ x: 500, y: 300 }, occupied, size);

    const rect = { ...position, ...size };
    const overlapX = rect.x < 600 && 400 < rect.x + rect.width;
    const overlapY = rect.y < 350 && 250 < rect.y + rect.height;
    expect(overlapX && overlapY).toBe(false);
  });

  it('finds a free spot among many nodes', () => {
    const occupied = Array.from({ length: 9 }, (_, i) => ({
      x: 400 + (i % 3) * 224,
      y: 250 + Math.floor(i / 3) * 124,
      width: 200,
      height: 100,
    }));

    const position = findFreePosition({ x: 500, y: 300 }, occupied, size);

    expect(
      occupied.some(
        (o) =>
          position.x < o.x + o.width &&
          o.x < position.x + 200 &&
          position.y < o.y + o.height &&
          o.y < position.y + 100,
      ),
    ).toBe(false);
  });
});
