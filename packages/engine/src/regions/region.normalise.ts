import { foldFullWidth } from '../text/text.normalise.js';
import { PROVINCE_DATA } from './province.data.js';
import type { Province } from './region.types.js';

/**
 * Normalisation of region values: a province written in any of its forms
 * (full or short name, traditional characters, pinyin, English name), a city
 * that stands for its province, and other values compared as text.
 */

/** Suffixes removed from a value, the longest match first. */
const DIVISION_SUFFIXES = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '特别行政区',
  '自治区',
  '省',
  '市',
];

/** City suffixes tried when the value is not a known name with its suffix. */
const CITY_SUFFIXES = ['自治州', '林区', '地区', '盟', '县'];

/** Trailing words of Latin-script names: `Guangdong Province`, `Xinjiang Autonomous Region`. */
const LATIN_SUFFIXES = [
  'specialadministrativeregion',
  'autonomousregion',
  'municipality',
  'province',
  'zizhiqu',
  'region',
  'sheng',
  'city',
  'sar',
  'shi',
];

const LATIN_TEXT = /^[\p{Script=Latin}\p{M}\s.'’-]+$/u;

/** Canonical short names by every province-level name. */
const provinceByName = new Map<string, string>();
/** Canonical short names by every city-level name. */
const provinceByCity = new Map<string, string>();
/** Provinces by canonical short name. */
const provinceByCanonical = new Map<string, Province>();

for (const province of PROVINCE_DATA) {
  provinceByCanonical.set(province.name, province);
  for (const name of [province.name, province.fullName, ...province.aliases]) {
    provinceByName.set(name, province.name);
  }
  for (const name of [province.pinyin, ...province.aliases]) {
    if (LATIN_TEXT.test(name)) provinceByName.set(latinKey(name), province.name);
  }
  for (const city of [...province.cities, ...province.formerCities]) {
    provinceByCity.set(city, province.name);
  }
}

/** Lower-cases Latin text and drops tone marks, spaces and punctuation: `Hong Kong` → `hongkong`. */
function latinKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s.'’-]/g, '');
}

function stripLatinSuffix(key: string): string {
  const suffix = LATIN_SUFFIXES.find(
    (candidate) => key.endsWith(candidate) && key.length > candidate.length,
  );
  return suffix === undefined ? key : key.slice(0, -suffix.length);
}

/** Removes the longest matching suffix, keeping at least one character. */
function stripSuffix(text: string, suffixes: readonly string[]): string {
  let longest = '';
  for (const suffix of suffixes) {
    if (suffix.length > longest.length && text.endsWith(suffix) && text.length > suffix.length) {
      longest = suffix;
    }
  }
  return longest === '' ? text : text.slice(0, -longest.length);
}

function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = foldFullWidth(value).trim();
  return text === '' ? null : text;
}

function lookupName(text: string, includeCities: boolean): string | null {
  if (LATIN_TEXT.test(text)) {
    const key = latinKey(text);
    return provinceByName.get(key) ?? provinceByName.get(stripLatinSuffix(key)) ?? null;
  }

  const find = (candidate: string) =>
    provinceByName.get(candidate) ?? (includeCities ? provinceByCity.get(candidate) : undefined);
  const direct = find(text);
  if (direct !== undefined) return direct;

  const stripped = stripSuffix(text, DIVISION_SUFFIXES);
  const withoutDivisionSuffix = stripped === text ? undefined : find(stripped);
  if (withoutDivisionSuffix !== undefined) return withoutDivisionSuffix;
  if (!includeCities) return null;

  const cityStripped = stripSuffix(text, CITY_SUFFIXES);
  return cityStripped === text ? null : (provinceByCity.get(cityStripped) ?? null);
}

const MAX_CACHED_VALUES = 10_000;
const provinceCache = new Map<string, string | null>();

/**
 * Returns the canonical short name of the province a value names, or null.
 * The value is trimmed and full-width folded first. A province in any form
 * (`广东省`, `廣東`, `guangdong`, `Inner Mongolia`, `内蒙`) and a city or
 * prefecture (`深圳`, `深圳市`, `延边州`) map to their province. Pseudo
 * entries of address lists such as `省直辖县级行政区划` map to nothing,
 * because several provinces use them.
 */
export function toProvince(value: unknown): string | null {
  const text = cleanText(value);
  if (text === null) return null;

  const cached = provinceCache.get(text);
  if (cached !== undefined) return cached;

  const province = lookupName(text, true);
  if (provinceCache.size < MAX_CACHED_VALUES) provinceCache.set(text, province);
  return province;
}

/**
 * Returns the canonical short name when the value names a province itself
 * (not a city), else null: `广东省` → `广东`, `深圳` → null.
 */
export function toProvinceName(value: unknown): string | null {
  const text = cleanText(value);
  return text === null ? null : lookupName(text, false);
}

/** Returns the province with this canonical short name. */
export function getProvince(name: string): Province | undefined {
  return provinceByCanonical.get(name);
}

/**
 * Returns the key a non-province value is matched by: full-width folded,
 * trimmed, lower-cased, without a trailing 省, 市 or 自治区 suffix, so that
 * `南京市` and `南京` match.
 */
export function toRegionTextKey(value: string): string {
  return stripSuffix(foldFullWidth(value).trim().toLowerCase(), DIVISION_SUFFIXES);
}

/**
 * Normalises a region value of a flow document. A province in any form
 * becomes its canonical short name (`广东省` → `广东`). Any other value, such
 * as a city of a custom region or a value of another field, becomes its text
 * key (`Mumbai ` → `mumbai`, `南京市` → `南京`). Cities stay cities here, so a
 * custom region of cities matches those cities only.
 */
export function normaliseRegionValue(value: unknown): string {
  const province = toProvinceName(value);
  if (province !== null) return province;
  if (typeof value === 'string') return toRegionTextKey(value);
  return value === null || value === undefined ? '' : toRegionTextKey(String(value));
}
