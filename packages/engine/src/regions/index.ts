export type { Province, RegionPreset } from './region.types.js';
export { PROVINCE_DATA as PROVINCES } from './province.data.js';
export { REGION_PRESET } from './region.preset.js';
export {
  getProvince,
  normaliseRegionValue,
  toProvince,
  toProvinceName,
  toRegionTextKey,
} from './region.normalise.js';
export { compileRegionLookup, type RegionLookup, type RegionValues } from './region.lookup.js';
