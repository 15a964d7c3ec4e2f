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

const ISO_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const SLASH_DATE = /^\d{4}\/\d{1,2}\/\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Checks `--now`: ISO 8601 with or without an offset, `YYYY-MM-DD HH:mm[:ss]`
 * or `YYYY/MM/DD`. A time without an offset is in the flow's time zone, which
 * the engine applies. Returns the current time in epoch milliseconds when absent.
 */
export function parseNowOption(context: CliContext, text: string | undefined): number | string {
  if (text === undefined) return Date.now();
  const value = text.trim();
  if (!ISO_TIME.test(value) && !SLASH_DATE.test(value)) {
    throw new CliError(context.t('error.nowInvalid', { value: text }), 2);
  }
  return value;
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
