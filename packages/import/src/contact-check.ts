/**
 * What a phone cell holds: a Chinese mobile (1[3-9] and 11 digits), a
 * landline with its area code (0xx or 0xxx, then 7–8 digits, optional
 * extension), a 400/800 service number, a number Excel turned into exponent
 * notation (its digits are lost), nothing, or something else.
 */
export type PhoneKind = 'mobile' | 'landline' | 'service' | 'scientific' | 'invalid' | 'empty';

export interface PhoneCheck {
  kind: PhoneKind;
  /** Digits without country prefix or separators, for duplicate checks; null when not a valid number. */
  normalised: string | null;
}

const EXPONENT_NOTATION = /^[+-]?\d+(?:[.,]\d+)?e\+?\d+$/i;
const EXTENSION = /(?:转|分机|ext\.?|x|#)\s*\d{1,6}$/i;
const SEPARATORS = /[\s\-()./]/g;

/** Classifies a phone cell with the rules of `PhoneKind`. */
export function checkPhone(value: string): PhoneCheck {
  const text = value.normalize('NFKC').trim();
  if (text === '') return { kind: 'empty', normalised: null };
  if (EXPONENT_NOTATION.test(text)) return { kind: 'scientific', normalised: null };

  const withoutExtension = text.replace(EXTENSION, '').trim();
  const compact = withoutExtension.replace(SEPARATORS, '');
  const hasPlus = compact.startsWith('+');
  const digits = hasPlus ? compact.slice(1) : compact;
  if (!/^\d+$/.test(digits)) return { kind: 'invalid', normalised: null };

  const national = stripCountryCode(digits, hasPlus);
  if (/^1[3-9]\d{9}$/.test(national)) return { kind: 'mobile', normalised: national };
  if (/^[48]00\d{7}$/.test(national)) return { kind: 'service', normalised: national };

  const landline = national.startsWith('0')
    ? national
    : hadCountryCode(digits, national)
      ? `0${national}`
      : null;
  if (landline && /^0[1-9]\d{1,2}\d{7,8}$/.test(landline) && landline.length <= 12) {
    return { kind: 'landline', normalised: landline };
  }
  return { kind: 'invalid', normalised: null };
}

/**
 * Reduces a phone to the digits that identify it, the way the engine's dedup
 * compares phones: digits only, a leading `0086` dropped, and a leading `86`
 * dropped when 13 digits remain with it.
 */
export function phoneDedupKey(value: string): string {
  const digits = value.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086')) return digits.slice(4);
  if (digits.length === 13 && digits.startsWith('86')) return digits.slice(2);
  return digits;
}

function stripCountryCode(digits: string, hasPlus: boolean): string {
  if (digits.startsWith('0086')) return digits.slice(4);
  if (hasPlus && digits.startsWith('86')) return digits.slice(2);
  if (digits.length === 13 && digits.startsWith('86')) return digits.slice(2);
  return digits;
}

function hadCountryCode(digits: string, national: string): boolean {
  return digits.length !== national.length;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** True when the cell holds one syntactically valid e-mail address. */
export function isValidEmail(value: string): boolean {
  return EMAIL.test(value.normalize('NFKC').trim());
}

/** E-mail address as compared for duplicates: trimmed and lower-cased. */
export function emailDedupKey(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}
