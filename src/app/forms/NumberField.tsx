import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNumber, describeNumberProblem, type NumberRules } from './number-check';

export interface NumberFieldProps
  extends
    Omit<NumberInputProps, 'value' | 'onChange' | 'min' | 'max' | 'clampBehavior'>,
    NumberRules {
  /** Last accepted value, or null for an empty field. */
  value: number | null;
  /** Called only with values that pass the rules, so callers never store a rejected one. */
  onNumberChange: (value: number | null) => void;
  /** Whether the message groups the digits of the limits as the locale does (12,000). False for years. */
  groupLimits?: boolean;
}

/**
 * A number input that keeps what the user typed and shows why it is
 * rejected at the field, where Mantine's NumberInput with `min` would clamp
 * the value on blur.
 */
export function NumberField({
  value,
  onNumberChange,
  min,
  max,
  integer,
  required,
  groupLimits = true,
  error,
  ...inputProps
}: NumberFieldProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState<number | string>(value ?? '');
  const rules: NumberRules = { min, max, integer, required };
  const check = checkNumber(text, rules);

  // Follow a value changed from outside (undo, another field), but keep
  // rejected text while the accepted value is unchanged.
  useEffect(() => {
    setText((current) => {
      const shown = checkNumber(current, { min, max, integer, required });
      return shown.ok && shown.value === value ? current : (value ?? '');
    });
  }, [value, min, max, integer, required]);

  const change = (next: number | string) => {
    setText(next);
    const result = checkNumber(next, rules);
    if (result.ok && result.value !== value) onNumberChange(result.value);
  };

  const problem = check.ok
    ? undefined
    : describeNumberProblem(t, check.problem, i18n.language, groupLimits);
  return (
    <NumberInput
      {...inputProps}
      value={text}
      onChange={change}
      allowDecimal={!integer && inputProps.allowDecimal !== false}
      allowNegative
      clampBehavior="none"
      required={required}
      error={error ?? problem}
    />
  );
}
