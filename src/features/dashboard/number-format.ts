/**
 * Numbers and money for the dashboard, in the screen's language. Chinese
 * readers count large sums in 万 (10,000) and 亿 (100,000,000), so compact
 * Chinese amounts use them: ¥1,200万, ¥3.46亿. English uses the usual
 * thousands separators and K/M/B in compact form.
 */

export type AppLocale = 'zh-CN' | 'en';

/** Formats yuan with a ¥ sign and thousands separators, rounded to whole yuan. */
export function formatYuan(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  }).format(Math.round(value));
}

/**
 * Formats yuan compactly for cards and chart axes: `¥1,200万` or `¥12M`.
 * Amounts below 10,000 stay in full.
 */
export function formatYuanCompact(value: number, locale: AppLocale): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude < 10_000) return formatYuan(value, locale);

  if (locale === 'zh-CN') {
    const [unit, divisor] = magnitude >= 1e8 ? ['亿', 1e8] : ['万', 1e4];
    const scaled = magnitude / divisor;
    const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
    return `${sign}¥${formatNumber(Number(scaled.toFixed(digits)), locale, digits)}${unit}`;
  }
  const compact = new Intl.NumberFormat('en-US', {
    notation: 'compact',
    maximumFractionDigits: 2,
  }).format(magnitude);
  return `${sign}¥${compact}`;
}

/** Formats a count or other number with thousands separators. */
export function formatNumber(value: number, locale: AppLocale, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits,
  }).format(value);
}

/** Formats a ratio (0.253) as a percentage (25.3%). */
export function formatPercent(ratio: number, locale: AppLocale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'percent',
    maximumFractionDigits,
  }).format(ratio);
}

/** Formats an amount in the plan's unit: yuan, or a plain count. */
export function formatAmount(value: number, unit: 'yuan' | 'count', locale: AppLocale): string {
  return unit === 'yuan' ? formatYuan(value, locale) : formatNumber(value, locale);
}
