import { NumberInput } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNumber, describeNumberProblem, type NumberRules } from '../../app/forms/number-check';
import { MAX_PLAN_TOTAL } from './plan-grid';
import type { TargetUnit } from './target-plan.types';

export const TOTAL_RULES: NumberRules = {
  min: 0,
  max: MAX_PLAN_TOTAL,
  integer: true,
  required: true,
};

interface PlanTotalFieldProps {
  unit: TargetUnit;
  /** The text the field starts with, read once when it mounts. */
  initialText: number | string;
  /** Called with the raw text on every change. */
  onTextChange: (text: number | string) => void;
}

/**
 * The yearly-target field of the new-plan form. It keeps the typed text and
 * its error in its own state, so a keystroke renders this field alone. The
 * form receives the text through `onTextChange` and decides when to render
 * the rest of itself (the split fields, the manual-amount sum).
 */
export const PlanTotalField = memo(function PlanTotalField({
  unit,
  initialText,
  onTextChange,
}: PlanTotalFieldProps) {
  const { t, i18n } = useTranslation('targets');
  const [text, setText] = useState<number | string>(initialText);
  const check = checkNumber(text, TOTAL_RULES);

  return (
    <NumberInput
      label={unit === 'yuan' ? t('form.totalYuan') : t('form.totalCount')}
      value={text}
      allowDecimal={false}
      clampBehavior="none"
      thousandSeparator=","
      prefix={unit === 'yuan' ? '¥' : undefined}
      onChange={(next) => {
        setText(next);
        onTextChange(next);
      }}
      error={check.ok ? undefined : describeNumberProblem(t, check.problem, i18n.language)}
      data-autofocus
      required
    />
  );
});
