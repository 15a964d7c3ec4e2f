/**
 * Checks the text of a number field without ever changing it, so a form can
 * reject a value at the field instead of clamping or rounding it silently.
 */

/** Rules of one number field. `min` and `max` are inclusive. */
export interface NumberRules {
  min?: number;
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** Whether an empty field is rejected. Otherwise an empty field gives `null`. */
  required?: boolean;
}

/** Reason a number field's value is rejected: an i18n key of namespace `common` and its interpolation values. */
export interface NumberProblem {
  key:
    | 'numberField.required'
    | 'numberField.notNumber'
    | 'numberField.notInteger'
    | 'numberField.belowMin'
    | 'numberField.aboveMax'
    | 'numberField.outOfRange'
    | 'numberField.tooLarge';
  values: Record<string, number>;
}

export type NumberCheck =
  { ok: true; value: number | null } | { ok: false; problem: NumberProblem };

const NUMBER_PATTERN = /^-?(\d+\.?\d*|\.\d+)$/;

/**
 * Reads `raw` (what Mantine's NumberInput passes to onChange: a number, or
 * the text when it is empty, incomplete or beyond the safe integer range)
 * and checks it against `rules`.
 */
export function checkNumber(raw: number | string, rules: NumberRules = {}): NumberCheck {
  const text = typeof raw === 'number' ? String(raw) : raw.replace(/[,\s]/g, '');
  if (text === '') {
    return rules.required
      ? { ok: false, problem: { key: 'numberField.required', values: {} } }
      : { ok: true, value: null };
  }

  const value = typeof raw === 'number' ? raw : Number(text);
  if (!Number.isFinite(value) || (typeof raw === 'string' && !NUMBER_PATTERN.test(text))) {
    return { ok: false, problem: { key: 'numberField.notNumber', values: {} } };
  }
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return {
      ok: false,
      problem: {
        key: 'numberField.tooLarge',
        values: { max: rules.max ?? Number.MAX_SAFE_INTEGER },
      },
    };
  }
  if (rules.integer && !Number.isInteger(value)) {
    return { ok: false, problem: { key: 'numberField.notInteger', values: {} } };
  }

  const belowMin = rules.min !== undefined && value < rules.min;
  const aboveMax = rules.max !== undefined && value > rules.max;
  if ((belowMin || aboveMax) && rules.min !== undefined && rules.max !== undefined) {
    return {
      ok: false,
      problem: { key: 'numberField.outOfRange', values: { min: rules.min, max: rules.max } },
    };
  }
  if (belowMin)
    return { ok: false, problem: { key: 'numberField.belowMin', values: { min: rules.min ?? 0 } } };
  if (aboveMax)
    return { ok: false, problem: { key: 'numberField.aboveMax', values: { max: rules.max ?? 0 } } };
  return { ok: true, value };
}

/**
 * Words `problem` in the current language. The digits of the limits are
 * grouped as the locale does unless `grouping` is false (years).
 */
export function describeNumberProblem(
  t: (key: string, values?: Record<string, unknown>) => string,
  problem: NumberProblem,
  locale: string,
  grouping = true,
): string {
  const format = new Intl.NumberFormat(locale, { useGrouping: grouping, maximumFractionDigits: 6 });
  const values = Object.fromEntries(
    Object.entries(problem.values).map(([name, value]) => [name, format.format(value)]),
  );
  return t(`common:${problem.key}`, values);
}
