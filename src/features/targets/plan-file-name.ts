/**
 * A safe download name for a plan's grid file: `<plan name>-v<version>.xlsx`
 * with characters that Windows, macOS or Linux reject in file names replaced,
 * at most 100 characters long.
 */

/** Maximum length of a file name, in user-perceived characters, so an emoji or a combining mark is not split. */
export const MAX_FILE_NAME_LENGTH = 100;

/** Maximum length of a file name in UTF-8 bytes that ext4 and most other file systems accept. */
const MAX_FILE_NAME_BYTES = 255;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

// / \ : * ? " < > | and control characters are not allowed in Windows file names.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

function characters(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/**
 * Returns the file name for version `version` of a plan named `planName`:
 * forbidden characters become `_`, runs of spaces one space, leading and
 * trailing dots and spaces go (Windows drops trailing ones, a leading dot
 * hides a file), and the name is cut on a character boundary so that the
 * version and the extension always fit in 100 characters and 255 UTF-8
 * bytes (100 Chinese characters take 300). An empty result becomes `plan`.
 */
export function planFileName(planName: string, version: number, extension = 'xlsx'): string {
  const suffix = `-v${version}.${extension}`;
  const room = Math.max(1, MAX_FILE_NAME_LENGTH - suffix.length);

  const cleaned = planName
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const kept = characters(cleaned).slice(0, room);
  while (kept.length > 0 && utf8Length(kept.join('') + suffix) > MAX_FILE_NAME_BYTES) kept.pop();
  const cut = kept.join('').replace(/[\s.]+$/, '');

  return `${cut === '' ? 'plan' : cut}${suffix}`;
}
