/** Serial number of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/** Days between the 1900 and the 1904 date systems. */
const DATE_1904_OFFSET = 1_462;

/**
 * Converts an Excel serial date to the wall-clock text the sheet shows:
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:mm:ss` when it has a time of day, or
 * `HH:mm:ss` for a time-only value (`timeOnly`). A serial counts days from
 * 1899-12-30 in no time zone, so the conversion uses UTC arithmetic only. A
 * local `Date` would shift it by the historic local-mean-time offset of zones
 * such as Asia/Shanghai (+08:05:43 in 1899) and give the previous day.
 * Serials below 60 are corrected for Excel's fictitious 1900-02-29.
 */
export function excelSerialToText(
  serial: number,
  options: { date1904?: boolean; timeOnly?: boolean } = {},
): string {
  let days = options.date1904 ? serial + DATE_1904_OFFSET : serial;
  if (!options.date1904 && days < 60) days += 1;

  const seconds = Math.round((days - UNIX_EPOCH_SERIAL) * 86_400);
  const date = new Date(seconds * 1000);
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  if (options.timeOnly) return time;

  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return seconds % 86_400 === 0 ? day : `${day} ${time}`;
}

/**
 * Reads a date written as text (`2021/1/29`, `2021-01-29 9:05`, `2021年1月29日`,
 * `20210129`) or an Excel serial number, and returns it in the form of
 * `excelSerialToText`; returns null for anything else.
 */
export function normaliseDateText(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;

  if (/^\d+(\.\d+)?$/.test(value) && value.length <= 10 && !/^\d{8}$/.test(value)) {
    const serial = Number(value);
    return serial >= 1 && serial < 2_958_466 ? excelSerialToText(serial) : null;
  }

  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
      value,
    ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;

  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (match[4] === undefined) return date;
  const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return `${date} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
