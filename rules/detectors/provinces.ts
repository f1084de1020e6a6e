/** Province-level divisions: the abbreviations used in filings and the first two digits of their division codes. */

/** Abbreviation (including the alternative ones: 蜀, 黔, 滇, 秦, 陇) to the two-digit division prefix. */
export const PROVINCE_DIVISION: Readonly<Record<string, string>> = {
  京: '11', 津: '12', 冀: '13', 晋: '14', 蒙: '15',
  辽: '21', 吉: '22', 黑: '23',
  沪: '31', 苏: '32', 浙: '33', 皖: '34', 闽: '35', 赣: '36', 鲁: '37',
  豫: '41', 鄂: '42', 湘: '43', 粤: '44', 桂: '45', 琼: '46',
  渝: '50', 川: '51', 蜀: '51', 贵: '52', 黔: '52', 云: '53', 滇: '53', 藏: '54',
  陕: '61', 秦: '61', 甘: '62', 陇: '62', 青: '63', 宁: '64', 新: '65',
};

/** The characters of PROVINCE_DIVISION, for regular-expression classes. */
export const PROVINCE_CHARS = Object.keys(PROVINCE_DIVISION).join('');

/** Full names of province-level divisions, as they start a Chinese address or a police bureau's name. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  北京: '11', 天津: '12', 河北: '13', 山西: '14', 内蒙古: '15',
  辽宁: '21', 吉林: '22', 黑龙江: '23',
  上海: '31', 江苏: '32', 浙江: '33', 安徽: '34', 福建: '35', 江西: '36', 山东: '37',
  河南: '41', 湖北: '42', 湖南: '43', 广东: '44', 广西: '45', 海南: '46',
  重庆: '50', 四川: '51', 贵州: '52', 云南: '53', 西藏: '54',
  陕西: '61', 甘肃: '62', 青海: '63', 宁夏: '64', 新疆: '65',
};

/** Known two-digit prefixes of province-level division codes (11..65). */
export const DIVISION_PREFIXES: ReadonlySet<string> = new Set(Object.values(PROVINCE_NAMES));
