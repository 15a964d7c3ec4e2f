/*
 * Region preset and province names for the region split form.
 * NOTE: the engine's REGION_PRESET and PROVINCES have not landed yet; this
 * adapter holds the seven-region preset of the flow format until they do.
 * Replace both exports with the engine's when it exports them.
 */

export interface RegionPresetEntry {
  id: string;
  /** Chinese label, as the flow format defines it. */
  label: string;
  /** Canonical province short names. */
  values: readonly string[];
}

export const REGION_PRESET: readonly RegionPresetEntry[] = [
  {
    id: 'east',
    label: '华东',
    values: ['上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '台湾'],
  },
  { id: 'south', label: '华南', values: ['广东', '广西', '海南', '香港', '澳门'] },
  { id: 'north', label: '华北', values: ['北京', '天津', '河北', '山西', '内蒙古'] },
  { id: 'central', label: '华中', values: ['河南', '湖北', '湖南'] },
  { id: 'southwest', label: '西南', values: ['重庆', '四川', '贵州', '云南', '西藏'] },
  { id: 'northwest', label: '西北', values: ['陕西', '甘肃', '青海', '宁夏', '新疆'] },
  { id: 'northeast', label: '东北', values: ['辽宁', '吉林', '黑龙江'] },
];

/** Canonical short names of China's provincial divisions, in preset order. */
export const PROVINCE_NAMES: readonly string[] = REGION_PRESET.flatMap((region) => region.values);
