import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetUnit } from '../targets';
import {
  formatNumber,
  formatPercent,
  formatYuan,
  formatYuanCompact,
  type AppLocale,
} from './number-format';

export interface DashboardFormat {
  locale: AppLocale;
  yuan: (value: number) => string;
  /** `¥1,200万` in Chinese, `¥12M` in English. */
  yuanCompact: (value: number) => string;
  number: (value: number, fractionDigits?: number) => string;
  percent: (ratio: number | null) => string;
  /** Yuan or a count, by the plan's unit. */
  amount: (value: number, unit: TargetUnit) => string;
}

/** Number and money formatters for the current interface language. */
export function useDashboardFormat(): DashboardFormat {
  const { i18n } = useTranslation();
  const locale: AppLocale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return useMemo(
    () => ({
      locale,
      yuan: (value) => formatYuan(value, locale),
      yuanCompact: (value) => formatYuanCompact(value, locale),
      number: (value, fractionDigits = 0) => formatNumber(value, locale, fractionDigits),
      percent: (ratio) => (ratio === null ? '—' : formatPercent(ratio, locale)),
      amount: (value, unit) =>
        unit === 'yuan' ? formatYuan(value, locale) : formatNumber(value, locale),
    }),
    [locale],
  );
}
