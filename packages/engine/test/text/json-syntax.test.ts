import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumnAt } from '../../src/text/json-syntax.js';

/** The position JSON.parse names in its message, or null when it names none. */
function parserPosition(text: string): number | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    return position === undefined ? null : Number(position);
  }
}

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"lead": }', 9],
    ['[1,]', 3],
    ['{"a": tru}', 9],
    ['nul', 3],
    ['', 0],
    ['  ', 2],
    ['\u00a0{}', 0],
    ['{"a":1,}', 7],
    ['[1,2', 4],
    ['{"a" 1}', 5],
    ['{"a":01}', 6],
    ['{"a":-}', 6],
    ['{"a":1.}', 7],
    ['{"a":1e}', 7],
    ['{"a":"\\q"}', 7],
    ['{"a":"\\u12"}', 10],
    ['{"a":"x\ny"}', 7],
    ['"abc', 4],
    ['{"a":1}x', 7],
    ['[[[]]]]', 6],
    ["{'a': 1}", 1],
  ])('finds the fault of %j at %i', (text, offset) => {
    expect(findJsonSyntaxError(text)).toBe(offset);
  });

  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"], "b": {}} ',
    '"文本"',
    '0',
    '\r\n[\t]\r\n',
  ])('accepts %j', (text) => {
    expect(findJsonSyntaxError(text)).toBeNull();
  });

  it('scans deep nesting without overflowing the stack', () => {
    const depth = 200_000;

    expect(findJsonSyntaxError('['.repeat(depth) + ']'.repeat(depth))).toBeNull();
    expect(findJsonSyntaxError('['.repeat(depth))).toBe(depth);
  });

  it('agrees with JSON.parse on validity and on every position it names', () => {
    // Valid JSON texts with one character inserted, deleted or replaced.
    const damaged = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'replace'),
        fc.constantFrom(...'{}[],:"\\ 0-1.eEtfnul\n\tx'.split('')),
      )
      .map(([text, at, edit, char]) => {
        const index = at % (text.length + 1);
        if (edit === 'insert') return text.slice(0, index) + char + text.slice(index);
        if (edit === 'delete') return text.slice(0, index) + text.slice(index + 1);
        return text.slice(0, index) + char + text.slice(index + 1);
      });

    fc.assert(
      fc.property(damaged, (text) => {
        const offset = findJsonSyntaxError(text);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }

        expect(offset === null).toBe(valid);
        const position = parserPosition(text);
        if (position !== null) expect(offset).toBe(position);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('lineAndColumnAt', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumnAt('{\n  "a": ]', 9)).toEqual({ line: 2, column: 8 });
    expect(lineAndColumnAt('[', 1)).toEqual({ line: 1, column: 2 });
  });
});
