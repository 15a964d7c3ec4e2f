import { toProvince, toProvinceName, toRegionTextKey } from './region.normalise.js';

/** A region of a region-split node: its id and its values. */
export interface RegionValues {
  id: string;
  values: readonly string[];
}

/** Returns the id of the region a lead's value falls in, or null. */
export type RegionLookup = (value: unknown) => string | null;

const MAX_CACHED_VALUES = 50_000;

/**
 * Compiles the regions of a region-split node into a lookup. A region value
 * that names a province matches every lead value that normalises to that
 * province, cities included (`深圳` falls in the region listing `广东`). Any
 * other region value matches lead values with the same text key (trimmed,
 * full-width and case folded, without a trailing 省 or 市). The first region
 * that matches wins; a value in no region, or a missing one, gives null.
 */
export function compileRegionLookup(regions: readonly RegionValues[]): RegionLookup {
  const regionByProvince = new Map<string, number>();
  const regionByText = new Map<string, number>();
  regions.forEach((region, index) => {
    for (const value of region.values) {
      const province = toProvinceName(value);
      if (province !== null) {
        if (!regionByProvince.has(province)) regionByProvince.set(province, index);
      } else {
        const key = toRegionTextKey(value);
        if (key !== '' && !regionByText.has(key)) regionByText.set(key, index);
      }
    }
  });

  const ids = regions.map((region) => region.id);
  const cache = new Map<string, string | null>();

  const resolve = (text: string): string | null => {
    const province = toProvince(text);
    const byProvince = province === null ? undefined : regionByProvince.get(province);
    const byText = regionByText.size === 0 ? undefined : regionByText.get(toRegionTextKey(text));
    const index =
      byProvince === undefined
        ? byText
        : byText === undefined
          ? byProvince
          : Math.min(byProvince, byText);
    return index === undefined ? null : (ids[index] ?? null);
  };

  return (value) => {
    let text: string;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
    else return null;

    const cached = cache.get(text);
    if (cached !== undefined) return cached;

    const region = text.trim() === '' ? null : resolve(text);
    if (cache.size < MAX_CACHED_VALUES) cache.set(text, region);
    return region;
  };
}
