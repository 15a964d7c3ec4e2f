import type { DedupKey } from '../flow/flow.types.js';
import { foldFullWidth } from '../text/index.js';

const LEGAL_FORM_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司'] as const;
const TRAILING_PARENTHESES = /\([^()]*\)$/;
const GROUP_SUFFIX = '集团';

/**
 * Normalises a phone number for duplicate matching: digits only, without a
 * leading `0086`, and without a leading `86` when 13 digits remain with it
 * (`+86 138 0000 0000` → `13800000000`). Returns '' when no digit is left.
 */
export function normalisePhone(value: unknown): string {
  const digits = textOf(value).replace(/\D+/g, '');
  if (digits.startsWith('0086')) return digits.slice(4);
  if (digits.length === 13 && digits.startsWith('86')) return digits.slice(2);
  return digits;
}

/** Normalises an email address for duplicate matching: trimmed and lower-cased. */
export function normaliseEmail(value: unknown): string {
  return textOf(value).trim().toLowerCase();
}

/**
 * Normalises a company name for duplicate matching. It folds full-width
 * characters to half-width and trims, then removes the legal-form suffix
 * (`股份有限公司`, `有限责任公司`, `有限公司`), a trailing parenthesised part
 * such as `(杭州)` and a trailing `集团`, in that order. Last it lower-cases,
 * so that Latin names match in any case: `杭州示例科技（集团）有限公司` →
 * `杭州示例科技`.
 */
export function normaliseCompany(value: unknown): string {
  let name = textOf(value).trim();
  for (const suffix of LEGAL_FORM_SUFFIXES) {
    if (name.endsWith(suffix)) {
      name = name.slice(0, -suffix.length).trim();
      break;
    }
  }
  name = name.replace(TRAILING_PARENTHESES, '').trim();
  if (name.endsWith(GROUP_SUFFIX)) name = name.slice(0, -GROUP_SUFFIX.length).trim();
  return name.toLowerCase();
}

const NORMALISERS: Readonly<Record<DedupKey, (value: unknown) => string>> = {
  phone: normalisePhone,
  email: normaliseEmail,
  company: normaliseCompany,
};

/**
 * Returns the state key of a lead value for one dedup key type
 * (`phone:13800000000`), or null when the value is empty after normalising.
 * The type prefix keeps a phone from matching a company of the same text.
 */
export function dedupKeyOf(type: DedupKey, value: unknown): string | null {
  const normalised = NORMALISERS[type](value);
  return normalised === '' ? null : `${type}:${normalised}`;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return foldFullWidth(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
