/** A provincial-level division of China. */
export interface Province {
  /** Canonical short name: 广东, 内蒙古, 香港. */
  name: string;
  /** Official full name: 广东省, 内蒙古自治区, 香港特别行政区. */
  fullName: string;
  /** Hanyu pinyin without tones: Guangdong, Neimenggu, Xianggang. */
  pinyin: string;
  /** Other names: short forms (内蒙), traditional characters, English names. */
  aliases: string[];
  /**
   * Prefecture-level divisions (地级市, 自治州, 地区, 盟) and the county-level
   * cities and counties a province administers directly, with their full and
   * short names (深圳市, 深圳; 延边朝鲜族自治州, 延边, 延边州). A short name
   * shared by two provinces, or equal to a province name, is left out.
   */
  cities: string[];
  /** Former city names still seen in records (襄樊, 巢湖). */
  formerCities: string[];
}

/** A region of the editor's preset. */
export interface RegionPreset {
  id: string;
  labelZh: string;
  labelEn: string;
  /** Canonical province short names. */
  provinces: string[];
}
