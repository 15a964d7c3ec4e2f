import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const PROVINCES = [
  '广东省',
  '浙江',
  '上海市',
  '广西壮族自治区',
  '北京市',
  '深圳',
  '江苏省',
  '四川',
];
const SOURCES = ['展会', '展会', '官网表单', '展会', '百度推广'];
const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄'];

/**
 * Writes `rows` Chinese leads as a CSV encoded in GB18030 without a byte
 * order mark, as Excel on Chinese Windows saves it. Landline phones and
 * postal codes have leading zeros, and every seventh remark starts like a
 * formula, so that the export's neutralising shows.
 */
export function writeGb18030Leads(path: string, rows: number): void {
  const lines = ['客户名称,联系人,手机,座机,邮编,省份,来源,备注'];
  for (let index = 0; index < rows; index += 1) {
    const company = `杭州示例${index % 40}科技有限公司`;
    const contact = `${SURNAMES[index % SURNAMES.length]}先生${index}`;
    const mobile = `139${String(10000000 + index).padStart(8, '0')}`;
    const landline = `0571${String(8000000 + index).padStart(8, '0')}`;
    const postal = `0${String(10000 + index).padStart(5, '0')}`;
    const remark = index % 7 === 0 ? `=HYPERLINK("x${index}")` : `第${index}条，备注`;
    lines.push(
      [
        company,
        contact,
        mobile,
        landline,
        postal,
        PROVINCES[index % PROVINCES.length],
        SOURCES[index % SOURCES.length],
        `"${remark.replace(/"/g, '""')}"`,
      ].join(','),
    );
  }
  writeFileSync(path, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));
}
