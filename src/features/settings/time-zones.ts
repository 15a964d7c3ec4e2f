/** The IANA time zones a picker offers, and how a zone's offset reads at an instant. */
import { DEFAULT_TIME_ZONE } from '../targets/civil-date';

/**
 * Every IANA zone this browser supports, sorted, with `UTC` and the default
 * zone always present (some runtimes list neither under its canonical name).
 */
export function listTimeZones(): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', DEFAULT_TIME_ZONE])].sort();
}

/** Formats the zone's offset from UTC at `epochMs`, as `UTC+08:00`, `UTC−05:00` or `UTC+00:00`. */
export function formatZoneOffset(timeZone: string, epochMs: number): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(epochMs))
    .find((candidate) => candidate.type === 'timeZoneName')?.value;
  // Runtimes write a zero offset as `GMT` or `GMT+00:00`.
  if (!part || part === 'GMT') return 'UTC+00:00';
  return part.replace('GMT', 'UTC').replace('-', '−');
}

/** Formats the date and time of day at `epochMs` in the zone, in the interface language. */
export function formatZoneTime(timeZone: string, epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(epochMs);
}
