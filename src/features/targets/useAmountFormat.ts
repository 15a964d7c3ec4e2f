import { useCallback } from 'react';
import { useFormat } from '../../i18n/useFormat';
import type { TargetUnit } from './target-plan.types';

/** Formats an amount in a plan's unit for the current language: `¥12,000,000` or `120`. */
export function useAmountFormat(unit: TargetUnit): (value: number) => string {
  const format = useFormat();
  return useCallback(
    (value: number) =>
      unit === 'yuan'
        ? format.number(Math.round(value), {
            style: 'currency',
            currency: 'CNY',
            currencyDisplay: 'narrowSymbol',
            maximumFractionDigits: 0,
          })
        : format.number(value, { maximumFractionDigits: 0 }),
    [format, unit],
  );
}
