/**
 * Standard lead fields the importer recognises. Flows refer to these names
 * (`phone`, `province`, …); the dedup node keys on `phone`, `email` and
 * `company`, and the region split reads `province` by default.
 */
export const STANDARD_FIELDS = [
  'id',
  'name',
  'phone',
  'tel',
  'email',
  'company',
  'title',
  'gender',
  'country',
  'province',
  'city',
  'district',
  'address',
  'postalCode',
  'source',
  'industry',
  'createdAt',
  'owner',
  'status',
  'stage',
  'amount',
  'closedAt',
  'wonFlag',
  'remark',
  'website',
  'wechat',
  'qq',
] as const;

export type StandardField = (typeof STANDARD_FIELDS)[number];

/** The kind of text a text-only field holds: a phone number, a postal code or an id. */
export type TextFieldKind = 'phone' | 'postalCode' | 'id';

/**
 * Standard fields whose values stay text even when they are all digits:
 * phones, postal codes and ids keep their leading zeros and compare as text.
 * Usable as the engine's `fieldTypes` for leads keyed by standard field.
 */
export const TEXT_FIELD_KINDS: Readonly<Record<string, TextFieldKind>> = {
  id: 'id',
  phone: 'phone',
  tel: 'phone',
  postalCode: 'postalCode',
};

/** Returns the kind of a field of `TEXT_FIELD_KINDS`, or null for any other field. */
export function textFieldKind(field: string | null | undefined): TextFieldKind | null {
  if (field === null || field === undefined || !Object.hasOwn(TEXT_FIELD_KINDS, field)) return null;
  return TEXT_FIELD_KINDS[field] ?? null;
}

/**
 * Header names of each field in Chinese and English, compared after
 * `normaliseHeader`, most specific first. `phone` lists mobile names only:
 * generic and landline names are resolved between `phone` and `tel` in
 * `mapColumns`.
 */
// prettier-ignore
export const FIELD_SYNONYMS: Readonly<Record<StandardField, readonly string[]>> = {
  id: ['id', 'leadid', 'prospectid', 'customerid', 'clientid', 'leadnumber', 'code', '编号', '线索编号', '客户编号', '线索id', '客户id', '客户代码', '代码', '编码'],
  name: ['name', 'fullname', 'contactname', 'contact', 'contactperson', '姓名', '联系人', '联系人姓名', '客户姓名', '名字'],
  phone: ['mobile', 'mobilephone', 'mobileno', 'cellphone', 'cell', '手机', '手机号', '手机号码', '移动电话', '联系手机', '手机电话'],
  tel: [],
  email: ['email', 'emailaddress', 'mail', '邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址'],
  company: ['company', 'companyname', 'organization', 'organisation', 'account', 'accountname', '公司', '公司名', '公司名称', '客户名称', '客户名', '名称', '企业', '企业名称', '单位', '单位名称', '机构名称'],
  title: ['title', 'jobtitle', 'position', '职位', '职务', '岗位', '头衔'],
  gender: ['gender', 'sex', '性别'],
  country: ['country', '国家', '国家/地区'],
  province: ['province', 'state', 'region', 'area', '省份', '省', '所在省份', '地区', '区域', '所在地区'],
  city: ['city', 'town', '城市', '市', '所在城市', '地市'],
  district: ['district', 'county', '区县', '区/县', '区', '县'],
  address: ['address', 'street', 'streetaddress', '地址', '详细地址', '联系地址', '公司地址', '通讯地址', '街道'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode', '邮编', '邮政编码'],
  source: ['source', 'leadsource', 'channel', '来源', '信息来源', '线索来源', '客户来源', '渠道', '来源渠道', '获客渠道'],
  industry: ['industry', 'sector', '行业', '所属行业', '行业类别'],
  createdAt: ['createdat', 'createdate', 'createddate', 'createdtime', 'createtime', 'created', 'creationdate', '创建时间', '创建日期', '录入时间', '提交时间', '登记时间', '日期'],
  owner: ['owner', 'ownerid', 'ownername', 'assignee', 'salesrep', 'rep', '负责人', '负责人id', '所属销售', '归属人', '跟进人', '业务员', '客户经理', '销售负责人', '销售'],
  status: ['status', 'leadstatus', '状态', '线索状态', '跟进状态', '客户状态'],
  stage: ['stage', 'dealstage', 'salesstage', '阶段', '销售阶段', '商机阶段'],
  amount: ['amount', 'dealvalue', 'dealamount', 'value', 'revenue', '金额', '成交金额', '预计金额', '合同金额', '商机金额', '订单金额', '销售额', '回款金额', '预算'],
  closedAt: ['closedat', 'closedate', 'closeddate', 'wondate', '成交时间', '成交日期', '关闭时间', '赢单时间', '赢单日期', '结单日期', '签约时间', '签约日期'],
  wonFlag: ['won', 'iswon', 'closedwon', 'converted', '是否成交', '已成交', '成交', '是否赢单', '赢单', '是否转化'],
  remark: ['remark', 'remarks', 'note', 'notes', 'comment', 'comments', 'description', '备注', '说明', '描述', '备注信息'],
  website: ['website', 'url', 'web', 'homepage', '网站', '网址', '官网'],
  wechat: ['wechat', 'weixin', '微信', '微信号'],
  qq: ['qq', 'qq号', 'qq号码'],
};

/** Header names of a number that may be a mobile or a landline. */
// prettier-ignore
export const GENERIC_PHONE_SYNONYMS: readonly string[] = ['phone', 'phonenumber', 'contactnumber', '电话', '联系电话', '电话号码', '联系方式'];

/** Header names of a landline. */
// prettier-ignore
export const LANDLINE_SYNONYMS: readonly string[] = ['tel', 'telephone', 'landline', 'officephone', 'workphone', 'businessphone', '座机', '固定电话', '办公电话', '办公室电话', '公司电话'];

/**
 * Chinese keywords matched inside a header when no whole name matched, such
 * as `客户手机号` → phone. Fields are tried in this order. English headers get
 * no keyword matching, because words like "email" also occur in flags such
 * as "Do Not Email".
 */
export const FIELD_KEYWORDS: readonly (readonly [StandardField, readonly string[]])[] = [
  ['phone', ['手机']],
  ['email', ['邮箱']],
  ['tel', ['电话']],
  ['company', ['公司']],
  ['province', ['省份']],
  ['city', ['城市']],
  ['source', ['来源']],
  ['owner', ['负责人']],
  ['address', ['地址']],
  ['remark', ['备注']],
];

/**
 * Reduces a header to the form the synonyms are written in: full-width
 * characters folded to half-width, lower case, bracketed hints such as
 * `(**省)` or `（必填）` removed, `*` required-markers, spaces, underscores,
 * hyphens, dots and colons removed.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>/g, '')
    .replace(/[*\s_\-.:]/g, '');
}
