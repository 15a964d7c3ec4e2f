/**
 * Text normalisation shared by conditions, regions and deduplication.
 *
 * Chinese spreadsheets mix full-width forms (`１２３`, `（杭州）`, the
 * ideographic space) with their ASCII counterparts, so values are folded to
 * half-width before they are compared.
 */

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0; // distance from `！` to `!`
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Folds full-width ASCII forms (U+FF01–U+FF5E) to their half-width
 * characters and the ideographic space (U+3000) to a plain space. Returns the
 * same string when there is nothing to fold, so the common case allocates
 * nothing.
 */
export function foldFullWidth(value: string): string {
  let index = 0;
  while (index < value.length && !isFoldable(value.charCodeAt(index))) index++;
  if (index === value.length) return value;

  let folded = value.slice(0, index);
  for (; index < value.length; index++) {
    const code = value.charCodeAt(index);
    folded += isFoldable(code) ? String.fromCharCode(foldCode(code)) : value[index];
  }
  return folded;
}

/**
 * Returns the key under which two texts count as the same value: full-width
 * folded, trimmed and lower-cased.
 */
export function toComparableText(value: string): string {
  return foldFullWidth(value).trim().toLowerCase();
}

/**
 * Tells whether a UTF-16 code unit is one that `String.prototype.trim`
 * removes (white space and line terminators, including U+3000 and U+FEFF).
 */
export function isTrimmedCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isFoldable(code: number): boolean {
  return (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) || code === IDEOGRAPHIC_SPACE;
}

function foldCode(code: number): number {
  return code === IDEOGRAPHIC_SPACE ? 0x20 : code - FULL_WIDTH_OFFSET;
}
