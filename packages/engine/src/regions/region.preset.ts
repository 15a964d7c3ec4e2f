import type { RegionPreset } from './region.types.js';

/** The editor's seven-region preset, in the order the editor lists it. */
export const REGION_PRESET: readonly RegionPreset[] = [
  {
    id: 'east',
    labelZh: '华东',
    labelEn: 'East China',
    provinces: ['上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '台湾'],
  },
  {
    id: 'south',
    labelZh: '华南',
    labelEn: 'South China',
    provinces: ['广东', '广西', '海南', '香港', '澳门'],
  },
  {
    id: 'north',
    labelZh: '华北',
    labelEn: 'North China',
    provinces: ['北京', '天津', '河北', '山西', '内蒙古'],
  },
  { id: 'central', labelZh: '华中', labelEn: 'Central China', provinces: ['河南', '湖北', '湖南'] },
  {
    id: 'southwest',
    labelZh: '西南',
    labelEn: 'Southwest China',
    provinces: ['重庆', '四川', '贵州', '云南', '西藏'],
  },
  {
    id: 'northwest',
    labelZh: '西北',
    labelEn: 'Northwest China',
    provinces: ['陕西', '甘肃', '青海', '宁夏', '新疆'],
  },
  {
    id: 'northeast',
    labelZh: '东北',
    labelEn: 'Northeast China',
    provinces: ['辽宁', '吉林', '黑龙江'],
  },
];
