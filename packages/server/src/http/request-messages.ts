import {
  createProblem,
  describeSchemaIssue,
  formatFieldPath,
  formatProblem,
  interpolate,
  schemaIssueProblem,
  type MessageLanguage,
} from '@sras/engine';
import type { z } from 'zod';

/**
 * The server's wording of rejected requests in each language it speaks.
 * What is wrong with a field (wrong type, missing, too long…) is worded by
 * the engine's schema messages (`requestIssue`), so this catalogue holds
 * only how a request names its fields and the faults that are not a field's.
 */
const REQUEST_MESSAGES = {
  en: {
    field: {
      body: 'The body',
      query: 'The query string',
      address: 'The id in the address',
      parameter: 'Parameter "{{name}}"',
      plain: 'Field "{{name}}"',
      item: 'Entry {{number}}',
      itemField: 'Field "{{name}}" of entry {{number}}',
      singleLead: 'The lead ("lead")',
      singleLeadField: 'Field "{{name}}" of the lead',
      leads: 'The lead list ("leads")',
      lead: 'Lead {{number}}',
      leadField: 'Field "{{name}}" of lead {{number}}',
    },
    moreIssues: 'The request has {{count}} more problems, listed in "issues".',
    bodyShape:
      'The body must be a JSON object with "lead" (one lead object) or "leads" (an array of 1 to 1,000 lead objects), such as {"lead": {"id": "L1", "phone": "13800000000"}}. Send it in that shape.',
    leadAndLeads:
      'The body has both "lead" and "leads". Send one lead as "lead" or a list as "leads", not both.',
    tooManyLeads:
      'A request may carry at most {{maximum}} leads; this one has {{count}}. Split the batch into requests of at most {{maximum}} leads.',
    duplicateLeadId:
      'Leads {{first}} and {{second}} have the same id "{{id}}". Each lead of a request needs its own id: send each lead once.',
    invalidJsonAt:
      'The body is not valid JSON (line {{line}}, column {{column}}). Check the quotes, commas and brackets there and send it again.',
    invalidJson:
      'The body is not valid JSON. Check its quotes, commas and brackets and send it again.',
    emptyBody: 'The body is empty. Send a JSON body.',
    bodyTooLarge:
      'The request body is larger than this server accepts. Send less data per request.',
    mediaType:
      'The body is not JSON. Send it as JSON with the header "Content-Type: application/json".',
    duplicateId:
      '{{field}} repeats the id "{{id}}" of entry {{first}}. Give each entry its own id and send it again.',
    flowIdMismatch:
      'The flow document\'s id "{{documentId}}" differs from the id "{{id}}" in the address. Make them equal and send it again.',
  },
  'zh-CN': {
    field: {
      body: '请求体',
      query: '查询参数',
      address: '地址中的编号',
      parameter: '参数"{{name}}"',
      plain: '字段"{{name}}"',
      item: '第 {{number}} 项',
      itemField: '第 {{number}} 项的字段"{{name}}"',
      singleLead: '线索（lead）',
      singleLeadField: '线索的字段"{{name}}"',
      leads: '线索列表（leads）',
      lead: '第 {{number}} 条线索',
      leadField: '第 {{number}} 条线索的字段"{{name}}"',
    },
    moreIssues: '请求中还有 {{count}} 个问题，见"issues"。',
    bodyShape:
      '请求体应为 JSON 对象，含"lead"（一条线索对象）或"leads"（1 到 1,000 条线索对象的数组），例如 {"lead": {"id": "L1", "phone": "13800000000"}}。请按此格式发送。',
    leadAndLeads:
      '请求体同时含有"lead"和"leads"。一条线索请用"lead"发送，多条请用"leads"发送，二者只能选一。',
    tooManyLeads:
      '一次请求最多可含 {{maximum}} 条线索，本次有 {{count}} 条。请拆分成每次不超过 {{maximum}} 条的多次请求。',
    duplicateLeadId:
      '第 {{first}} 条和第 {{second}} 条线索的编号相同（"{{id}}"）。同一请求中每条线索须有自己的编号，请每条线索只发送一次。',
    invalidJsonAt:
      '请求体不是有效的 JSON（第 {{line}} 行第 {{column}} 列）。请检查该处的引号、逗号和括号后重新发送。',
    invalidJson: '请求体不是有效的 JSON。请检查引号、逗号和括号后重新发送。',
    emptyBody: '请求体为空。请发送 JSON 请求体。',
    bodyTooLarge: '请求体超过了服务器接受的大小。请减少每次请求发送的数据。',
    mediaType: '请求体不是 JSON。请以 JSON 发送，并带上请求头"Content-Type: application/json"。',
    duplicateId:
      '{{field}}重复了第 {{first}} 项的编号"{{id}}"。请为每一项使用不同的编号后重新发送。',
    flowIdMismatch:
      '流程文档的编号"{{documentId}}"与地址中的编号"{{id}}"不同。请改为一致后重新发送。',
  },
} as const satisfies Record<MessageLanguage, unknown>;

type RequestMessages = (typeof REQUEST_MESSAGES)['en'];

/** Keys of the request messages that are plain sentences. */
export type RequestMessageKey = Exclude<keyof RequestMessages, 'field'>;

/** Words a request message in `language`, with `{{name}}` parameters filled in. */
export function requestMessage(
  language: MessageLanguage,
  key: RequestMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return interpolate(REQUEST_MESSAGES[language][key], params);
}

/** What a request's input is, which decides how its fields are named. */
export type RequestPart = 'body' | 'query' | 'address';

/** A zod issue, or an issue of the same shape found by hand, such as in an allocation body. */
export type RequestIssue = z.core.$ZodIssue;

/**
 * Words an issue of a request's body or query in `language`: the field in
 * words ("Field "phone" of lead 4" for `leads.3.phone`), what is wrong,
 * what the request holds and what to do.
 */
export function wordRequestIssue(
  input: unknown,
  issue: RequestIssue,
  part: RequestPart,
  language: MessageLanguage,
): string {
  const field = fieldWords(issue.path, part, language);
  const own = ownMessage(issue);
  if (own !== null) return requestMessage(language, own.key, { ...own.params, field });

  const params = {
    ...describeSchemaIssue(input, issue),
    subject: 'field',
    field,
    wording: 'request',
  };
  return formatProblem(createProblem('schema-invalid', {}, params), language);
}

/**
 * The request message of a refinement's own issue: a `custom` issue whose
 * `params.messageKey` names one, with its other text and number params.
 */
function ownMessage(
  issue: RequestIssue,
): { key: RequestMessageKey; params: Record<string, string | number> } | null {
  if (issue.code !== 'custom') return null;
  const { messageKey, ...rest } = (issue.params ?? {}) as Record<string, unknown>;
  if (typeof messageKey !== 'string' || !(messageKey in REQUEST_MESSAGES.en)) return null;

  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return { key: messageKey as RequestMessageKey, params };
}

/**
 * Words an issue of a flow document sent in a request in `language`,
 * naming nodes and connections as the editor does ("The node type (type)
 * of node "Web form"").
 */
export function wordFlowIssue(
  document: unknown,
  issue: RequestIssue,
  language: MessageLanguage,
): string {
  const root =
    typeof document === 'object' && document !== null && !Array.isArray(document)
      ? (document as Record<string, unknown>)
      : {};
  const problem = schemaIssueProblem(root, issue);
  problem.params.wording = 'request';
  return formatProblem(problem, language);
}

/**
 * Names a field of a request by its path: the lead and its 1-based number
 * in an allocation body, the entry and its number in a list body, a query
 * parameter, or the field's path as in `targets[2].amount`.
 */
export function fieldWords(
  path: readonly PropertyKey[],
  part: RequestPart,
  language: MessageLanguage,
): string {
  const words = REQUEST_MESSAGES[language].field;
  const say = (template: string, params: Record<string, string | number>) =>
    interpolate(template, params);
  const [first, second, ...rest] = path;

  if (path.length === 0) return words[part];
  if (part === 'query') return say(words.parameter, { name: formatFieldPath(path) });
  if (first === 'lead') {
    return second === undefined
      ? words.singleLead
      : say(words.singleLeadField, { name: formatFieldPath(path.slice(1)) });
  }
  if (first === 'leads') {
    if (typeof second !== 'number') return words.leads;
    const number = second + 1;
    return rest.length === 0
      ? say(words.lead, { number })
      : say(words.leadField, { number, name: formatFieldPath(rest) });
  }
  if (typeof first === 'number') {
    const number = first + 1;
    return path.length === 1
      ? say(words.item, { number })
      : say(words.itemField, { number, name: formatFieldPath(path.slice(1)) });
  }
  return say(words.plain, { name: formatFieldPath(path) });
}
