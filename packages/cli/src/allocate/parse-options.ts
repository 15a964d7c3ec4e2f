import { createZonedCalendar, listNodeFieldReads, type FlowDocument } from '@sras/engine';
import { STANDARD_FIELDS } from '@sras/import';

import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli.error.js';

/**
 * Reads `--map 列名=field,…` into column → field. Full-width `＝` and `，`
 * are accepted because Chinese input methods type them.
 */
export function parseMapOption(
  context: CliContext,
  text: string | undefined,
): Record<string, string> {
  const mapping: Record<string, string> = {};
  if (text === undefined) return mapping;
  for (const item of text.split(/[,，]/)) {
    if (item.trim() === '') continue;
    const match = /^(.+?)[=＝](.+)$/.exec(item.trim());
    const column = match?.[1]?.trim();
    const field = match?.[2]?.trim();
    if (!column || !field) throw new CliError(context.t('error.mapInvalid', { item }), 2);
    mapping[column] = field;
  }
  return mapping;
}

/**
 * Checks the fields of `--map`: each must be a standard lead field or a
 * field the flow reads, because a column mapped to any other name is read by
 * nothing and no longer fills the standard field (duplicate checks on phone
 * stop working, for example).
 */
export function checkMapFields(
  context: CliContext,
  mapping: Readonly<Record<string, string>>,
  flow: FlowDocument | null,
): void {
  const flowFields = flow === null ? [] : flow.nodes.flatMap((node) => listNodeFieldReads(node));
  const valid = [...new Set<string>([...STANDARD_FIELDS, ...flowFields.map((read) => read.field)])];

  for (const [column, field] of Object.entries(mapping)) {
    if (valid.includes(field)) continue;
    throw new CliError(
      context.t('error.mapUnknownField', {
        item: `${column}=${field}`,
        field,
        fields: valid.join(', '),
      }),
      2,
    );
  }
}

// Year, month and day with `-` or `/`, an optional time of day, an optional
// UTC offset after the time: the forms the engine's calendar reads.
const NOW_PATTERN =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?)?$/i;

/** UTC offsets in use run from -12:00 to +14:00. */
const MAX_OFFSET_MINUTES = { '-': 12 * 60, '+': 14 * 60 } as const;

/**
 * Checks `--now`: ISO 8601 with or without an offset, `YYYY-MM-DD HH:mm[:ss]`
 * or `YYYY/MM/DD`, a real calendar date, a time of day within 00:00 to
 * 23:59:59 and an offset in use. A time without an offset is in the flow's
 * time zone, which the engine applies. Returns the current time in epoch
 * milliseconds when absent.
 */
export function parseNowOption(context: CliContext, text: string | undefined): number | string {
  if (text === undefined) return Date.now();

  const value = text.trim();
  const match = NOW_PATTERN.exec(value);
  if (match === null) throw new CliError(context.t('error.nowInvalid', { value: text }), 2);

  const [, yearText, , monthText, dayText, hourText, minuteText, secondText, offset] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < 1000) throw new CliError(context.t('error.nowYear', { value: text }), 2);
  if (month < 1 || month > 12) {
    throw new CliError(context.t('error.nowMonth', { value: text, month }), 2);
  }
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    throw new CliError(context.t('error.nowDay', { value: text, year, month, days }), 2);
  }

  const hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  if (hour > 23 || minute > 59 || second > 59) {
    throw new CliError(context.t('error.nowTimeOfDay', { value: text }), 2);
  }
  if (offset !== undefined && !isOffsetInUse(offset)) {
    throw new CliError(context.t('error.nowOffset', { value: text, offset }), 2);
  }

  // The engine reads the same forms; this keeps the two from drifting apart.
  if (createZonedCalendar('UTC').parseTime(value) === null) {
    throw new CliError(context.t('error.nowInvalid', { value: text }), 2);
  }
  return value;
}

function isOffsetInUse(offset: string): boolean {
  if (offset.toUpperCase() === 'Z') return true;

  const sign = offset[0] === '-' ? '-' : '+';
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  return minutes < 60 && hours * 60 + minutes <= MAX_OFFSET_MINUTES[sign];
}

/** Reads `--sheet`: a 1-based number or a sheet name. */
export function parseSheetOption(
  context: CliContext,
  text: string | undefined,
): string | number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) {
    const number = Number(text);
    if (number < 1) throw new CliError(context.t('error.sheetInvalid', { value: text }), 2);
    return number - 1;
  }
  if (text.trim() === '') throw new CliError(context.t('error.sheetInvalid', { value: text }), 2);
  return text;
}
