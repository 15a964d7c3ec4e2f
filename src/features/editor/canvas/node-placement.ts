import { DEFAULT_NODE_SIZE } from '../model/auto-layout';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between a placed node and its neighbours, in flow units. */
const PLACEMENT_GAP = 24;

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width + PLACEMENT_GAP &&
    b.x < a.x + a.width + PLACEMENT_GAP &&
    a.y < b.y + b.height + PLACEMENT_GAP &&
    b.y < a.y + a.height + PLACEMENT_GAP
  );
}

/**
 * Top-left corner for a node added by click: centred on `center` when that
 * spot is free, otherwise the nearest free spot found by stepping down and
 * then across in node-sized steps.
 */
export function findFreePosition(
  center: { x: number; y: number },
  occupied: readonly Rect[],
  size: { width: number; height: number } = DEFAULT_NODE_SIZE,
): { x: number; y: number } {
  const start = {
    x: Math.round(center.x - size.width / 2),
    y: Math.round(center.y - size.height / 2),
  };
  const stepX = size.width + PLACEMENT_GAP;
  const stepY = size.height + PLACEMENT_GAP;

  for (let ring = 0; ring < 50; ring += 1) {
    for (let column = 0; column <= ring; column += 1) {
      const candidates = [
        { x: start.x + column * stepX, y: start.y + ring * stepY },
        { x: start.x + ring * stepX, y: start.y + column * stepY },
      ];
      for (const candidate of candidates) {
        const rect = { ...candidate, ...size };
        if (!occupied.some((other) => overlaps(rect, other))) return candidate;
      }
    }
  }
  return start;
}
