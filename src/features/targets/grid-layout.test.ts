import { describe, expect, it } from 'vitest';
import { gridLayout } from './grid-layout';

/** The smallest widths of the value columns, in px, read from the template. */
function columnWidths(template: string): number[] {
  return [...template.matchAll(/minmax\((\d+)px/g)].map((match) => Number(match[1]));
}

describe('gridLayout', () => {
  it('keeps the usual widths for a yearly target of ¥12,000,000', () => {
    const widths = columnWidths(gridLayout(12_000_000).template);

    expect(widths[0]).toBe(124);
    expect(Math.min(...widths)).toBe(110);
  });

  it('widens every value column for a total of ¥1 trillion', () => {
    const layout = gridLayout(1_000_000_000_000);
    // "1,000,000,000,000" is 17 characters.
    const needed = 17 * 8 + 30;

    expect(columnWidths(layout.template).every((width) => width === needed)).toBe(true);
    expect(layout.minWidth).toBe(180 + 17 * needed);
  });
});
