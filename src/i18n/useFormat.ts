import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** A count or amount with the locale's grouping, e.g. `12,345`. */
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** A date and time, e.g. `2026/12/1 14:05` or `Dec 1, 2026, 2:05 PM`. */
  dateTime: (epochMs: number) => string;
  /** A calendar date without the time. */
  date: (epochMs: number) => string;
  /** A size in bytes in B, kB, MB or GB. */
  bytes: (value: number) => string;
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** Creates formatters for numbers, dates and sizes in `language` (a BCP 47 tag). */
export function createFormatters(language: string): Formatters {
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });

  return {
    number: (value, options) => new Intl.NumberFormat(language, options).format(value),
    dateTime: (epochMs) => dateTime.format(epochMs),
    date: (epochMs) => date.format(epochMs),
    bytes: (value) => {
      let unitIndex = 0;
      let scaled = value;
      while (scaled >= 1000 && unitIndex < BYTE_UNITS.length - 1) {
        scaled /= 1000;
        unitIndex += 1;
      }
      return new Intl.NumberFormat(language, {
        style: 'unit',
        unit: BYTE_UNITS[unitIndex],
        unitDisplay: 'short',
        maximumFractionDigits: unitIndex === 0 ? 0 : 1,
      }).format(scaled);
    },
  };
}

/** Formatters for the current interface language; they change with it. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}
