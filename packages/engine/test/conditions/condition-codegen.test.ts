import { describe, expect, it } from 'vitest';
import { isGeneratedSourceSafe } from '../../src/conditions/condition.codegen.js';
import { compileOrFail } from '../support/condition-check.js';
import { OriginalFunction, replaceFunction } from '../support/function-constructor.js';

/** Text that must never reach generated source: quotes, code and markers. */
const HOSTILE = [
  "'); pwned = 1; ('",
  "'] || d[constructor] || d['",
  "'); globalThis.pwned = 1; ('",
  '"; process.exit(1); "',
  '`${globalThis.pwned = 1}`',
  '}); globalThis.pwned = 1; (function(){',
  'MARKER_VALUE',
];

describe('generated condition code', () => {
  it('never writes field names or constants into the source', () => {
    const sources: string[] = [];
    replaceFunction((args) => {
      sources.push(args.at(-1) ?? '');
      return Reflect.construct(OriginalFunction, args);
    });

    for (const text of HOSTILE) {
      const expr = {
        and: [
          { '==': [{ var: text }, text] },
          { '>=': [{ var: 'MARKER_FIELD' }, 5] },
          { in: [{ var: text }, [text, 'MARKER_LIST']] },
          { startsWith: [{ var: text }, text] },
          { '!': { '==': [{ var: text }, null] } },
        ],
      };
      const compiled = compileOrFail(expr);
      expect(compiled.test({ [text]: text, MARKER_FIELD: 7 })).toBe(true);
    }

    expect(sources).toHaveLength(HOSTILE.length);
    for (const source of sources) {
      expect(isGeneratedSourceSafe(source)).toBe(true);
      for (const text of [...HOSTILE, 'MARKER_FIELD', 'MARKER_LIST']) {
        expect(source).not.toContain(text);
      }
    }
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('falls back to closures where generated code is forbidden', () => {
    replaceFunction(() => {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    });
    const compiled = compileOrFail({ '>=': [{ var: 'budget' }, 1000] });
    expect(compiled.test({ budget: '1200' })).toBe(true);
    expect(compiled.test({ budget: '' })).toBe(false);
  });

  it('generates nothing when asked not to', () => {
    let constructed = 0;
    replaceFunction((args) => {
      constructed++;
      return Reflect.construct(OriginalFunction, args);
    });
    compileOrFail({ '>=': [{ var: 'budget' }, 1000] }, { codegen: false });
    expect(constructed).toBe(0);
  });

  it('generates nothing for a condition without a template at its root', () => {
    let constructed = 0;
    replaceFunction((args) => {
      constructed++;
      return Reflect.construct(OriginalFunction, args);
    });
    compileOrFail({ cat: [{ var: 'a' }, 'x'] });
    expect(constructed).toBe(0);
  });

  it('runs the closures for data that is not an object', () => {
    const compiled = compileOrFail({ '==': [{ var: 'a' }, null] });
    expect(compiled.test(null as never)).toBe(true);
  });

  it('rejects a source with text outside the templates', () => {
    expect(isGeneratedSourceSafe("return d[p0] === 'x';")).toBe(false);
    expect(isGeneratedSourceSafe('return `x`;')).toBe(false);
    expect(isGeneratedSourceSafe("return typeof (v = d[p0]) === 'number';")).toBe(true);
  });

  it('keeps conditions independent of each other', () => {
    const budget = compileOrFail({ '>': [{ var: 'budget' }, 10] });
    const visits = compileOrFail({ '>': [{ var: 'visits' }, 10] });
    expect(budget.test({ budget: 11, visits: 1 })).toBe(true);
    expect(visits.test({ budget: 11, visits: 1 })).toBe(false);
  });
});
