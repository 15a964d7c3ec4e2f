import { formatInputIssue, interpolate, type InputIssue, type MessageLanguage } from '@sras/engine';
import type { Permission } from '../auth/permissions.js';
import type { DocumentKind } from '../db/schema.js';
import { localizedError, type ApiError, type ErrorCode } from './api-error.js';

/**
 * The server's wording of the errors that are not about a request field:
 * tokens and roles, missing resources, revisions, publishing, limits and
 * failures of the server itself. Each message states what failed, on which
 * value, and what to do. Request fields are worded in request-messages.ts.
 */
const API_MESSAGES_EN = {
  tokenMissing: 'This request needs a token: send "Authorization: Bearer <token>".',
  tokenInvalid: 'The token is unknown or revoked. Ask the workspace owner for a new one.',
  tokenExpired: 'The token has expired. Ask the workspace owner for a new one.',
  forbidden:
    'A token with the role "{{role}}" may not {{action}}. Use a token with a role that may.',
  tokenFlowOnly:
    'This token may allocate only with flow "{{flowId}}". Use that flow, or a token for flow "{{requested}}".',
  flowNotFound:
    'Flow "{{flowId}}" was not found in this workspace. Check the flow id in the address.',
  keyNotFound:
    'Token "{{id}}" was not found in this workspace. List the tokens with GET /api/v1/keys.',
  documentNotFound: 'This {{label}} was not found in this workspace.',
  routeNotFound: 'No API route {{method}} {{path}}. The routes are listed at /api/v1/openapi.json.',
  buildFileMissing:
    'The app build has no file {{path}}. Rebuild the app with "npm run build", then restart the server.',
  appNotBuilt: 'The app is not built (no {{file}}). Run "npm run build", then restart the server.',
  ifMatchInvalid:
    'The If-Match header must contain a revision number such as "3"; got "{{value}}". Send the revision you edited.',
  ifMatchRequired:
    'This {{label}} already exists at revision {{revision}}. Send the revision you edited in an If-Match header.',
  deleteIfMatchRequired: 'Send the revision you want to delete in an If-Match header.',
  revisionConflict:
    "The {{label}} changed on the server: you sent revision {{sent}}, the server has {{current}}. Merge with the server's copy and send it with its revision.",
  publishRevisionConflict:
    'Flow "{{flowId}}" is at revision {{current}}, not {{sent}}. Sync the flow, check it, and publish the current revision.',
  publishDocumentMismatch:
    'The published document has id "{{documentId}}" but the flow is "{{flowId}}". Publish a version of this flow.',
  flowHasErrors:
    'Flow "{{flowId}}" has {{count}} error(s) and was not published. The first: {{first}} Fix them in the editor and publish again.',
  flowHasErrorsAtNode:
    'Flow "{{flowId}}" has {{count}} error(s) and was not published. The first is at node "{{node}}": {{first}} Fix them in the editor and publish again.',
  flowNoLongerCompiles:
    'Published version {{version}} of flow "{{flowId}}" no longer compiles. Fix the flow and publish it again.',
  flowNotPublished:
    'Flow "{{flowId}}" has no published version. Publish it before allocating leads with it.',
  engineInput:
    "The engine cannot run with this input: {{reason}} Fix the leads or the workspace's reps and retry.",
  inputRep: "Rep {{number}} of the workspace's rep list",
  inputRepField: 'Field "{{name}}" of rep {{number}} of the workspace\'s rep list',
  inputOwner: "Entry {{number}} of the workspace's existing-owner list",
  inputOwnerField: 'Field "{{name}}" of entry {{number}} of the workspace\'s existing-owner list',
  inputState: "The workspace's allocation state",
  inputStateField: 'Field "{{name}}" of the workspace\'s allocation state',
  inputOther: 'Field "{{name}}" of the input',
  idempotencyKeyInvalid:
    'The Idempotency-Key header must be 1 to {{maximum}} printable ASCII characters without spaces, such as a UUID.',
  idempotencyKeyReused:
    'The Idempotency-Key "{{key}}" was already used for a different request. Use a new key for each new request.',
  versionDocumentMissing:
    'Flow version "{{id}}" (entry {{number}}) has no document and the server has none under that id. Send the listed versions with their documents.',
  versionDocumentMissingIssue:
    'The server has no document for version "{{id}}". Send its document.',
  workspaceNameLength:
    'A workspace name must have 1 to {{maximum}} characters; this one has {{length}}. Choose another name.',
  workspaceExists:
    'This server already has a workspace. Ask its owner for a token, or create more workspaces with "npx sras workspace create".',
  keyFlowWithoutAllocate:
    'Only allocate tokens can be limited to one flow. Remove "flowId" or use the role "allocate".',
  keyExpiresInPast: '"expiresAt" {{value}} is in the past. Choose a later time.',
  cursorInvalid: 'The cursor is invalid. Pass the "nextCursor" of the previous page unchanged.',
  rateLimited:
    'Too many requests: at most {{max}} per {{window}} seconds. Retry in {{retry}} seconds.',
  requestRejected: 'The request was rejected: {{reason}}. Check the request and send it again.',
  internalError:
    'The server failed to handle the request (request id {{requestId}}). Try again; if it fails again, give the request id to the server administrator, who finds the error in the server log.',
} as const;

/** Keys of the server's error messages. */
export type ApiMessageKey = keyof typeof API_MESSAGES_EN;

const API_MESSAGES_ZH_CN: Record<ApiMessageKey, string> = {
  tokenMissing: '此请求需要令牌：请发送请求头"Authorization: Bearer <令牌>"。',
  tokenInvalid: '令牌不存在或已被撤销。请向工作区所有者索取新令牌。',
  tokenExpired: '令牌已过期。请向工作区所有者索取新令牌。',
  forbidden: '角色为"{{role}}"的令牌不能{{action}}。请使用有此权限的角色的令牌。',
  tokenFlowOnly:
    '此令牌只能用流程"{{flowId}}"分配线索。请改用该流程，或使用流程"{{requested}}"的令牌。',
  flowNotFound: '此工作区中没有流程"{{flowId}}"。请检查地址中的流程编号。',
  keyNotFound: '此工作区中没有令牌"{{id}}"。可用 GET /api/v1/keys 列出令牌。',
  documentNotFound: '此工作区中没有这个{{label}}。',
  routeNotFound: '没有 API 路由 {{method}} {{path}}。所有路由列在 /api/v1/openapi.json 中。',
  buildFileMissing:
    '应用的构建中没有文件 {{path}}。请用"npm run build"重新构建应用，然后重启服务器。',
  appNotBuilt: '应用尚未构建（没有 {{file}}）。请运行"npm run build"，然后重启服务器。',
  ifMatchInvalid: 'If-Match 请求头应为修订号，例如"3"；收到的是"{{value}}"。请发送你编辑的修订号。',
  ifMatchRequired:
    '这个{{label}}已存在，修订号为 {{revision}}。请在 If-Match 请求头中发送你编辑的修订号。',
  deleteIfMatchRequired: '请在 If-Match 请求头中发送要删除的修订号。',
  revisionConflict:
    '服务器上的{{label}}已被修改：你发送的修订号是 {{sent}}，服务器上是 {{current}}。请与服务器上的副本合并后，带上它的修订号重新发送。',
  publishRevisionConflict:
    '流程"{{flowId}}"当前的修订号是 {{current}}，不是 {{sent}}。请同步该流程，检查后发布当前修订。',
  publishDocumentMismatch:
    '要发布的文档编号是"{{documentId}}"，但流程是"{{flowId}}"。请发布这个流程的版本。',
  flowHasErrors:
    '流程"{{flowId}}"有 {{count}} 个错误，未发布。第一个：{{first}}请在编辑器中修正后重新发布。',
  flowHasErrorsAtNode:
    '流程"{{flowId}}"有 {{count}} 个错误，未发布。第一个在节点"{{node}}"：{{first}}请在编辑器中修正后重新发布。',
  flowNoLongerCompiles:
    '流程"{{flowId}}"已发布的版本 {{version}} 无法再编译。请修正流程后重新发布。',
  flowNotPublished: '流程"{{flowId}}"没有已发布的版本。请先发布，再用它分配线索。',
  engineInput: '分配引擎无法处理这些输入：{{reason}}请修正线索或工作区的销售名单后重试。',
  inputRep: '工作区销售名单的第 {{number}} 名销售',
  inputRepField: '工作区销售名单第 {{number}} 名销售的字段"{{name}}"',
  inputOwner: '工作区已有负责人名单的第 {{number}} 项',
  inputOwnerField: '工作区已有负责人名单第 {{number}} 项的字段"{{name}}"',
  inputState: '工作区的分配状态',
  inputStateField: '工作区分配状态的字段"{{name}}"',
  inputOther: '输入的字段"{{name}}"',
  idempotencyKeyInvalid:
    'Idempotency-Key 请求头应为 1 到 {{maximum}} 个不含空格的可打印 ASCII 字符，例如 UUID。',
  idempotencyKeyReused: 'Idempotency-Key"{{key}}"已用于另一个不同的请求。每个新请求请使用新的键。',
  versionDocumentMissing:
    '流程版本"{{id}}"（第 {{number}} 项）没有文档，服务器上也没有该编号的文档。请连同文档发送列出的版本。',
  versionDocumentMissingIssue: '服务器上没有版本"{{id}}"的文档。请发送它的文档。',
  workspaceNameLength:
    '工作区名称须为 1 到 {{maximum}} 个字符，当前为 {{length}} 个。请换一个名称。',
  workspaceExists:
    '此服务器已有工作区。请向其所有者索取令牌，或用"npx sras workspace create"创建更多工作区。',
  keyFlowWithoutAllocate: '只有分配令牌可以限定到一个流程。请去掉"flowId"，或使用角色"allocate"。',
  keyExpiresInPast: '"expiresAt" {{value}} 已经过去。请选择更晚的时间。',
  cursorInvalid: '游标无效。请原样传入上一页的"nextCursor"。',
  rateLimited: '请求过多：每 {{window}} 秒最多 {{max}} 个。请在 {{retry}} 秒后重试。',
  requestRejected: '请求被拒绝：{{reason}}。请检查请求后重新发送。',
  internalError:
    '服务器处理请求时出错（请求编号 {{requestId}}）。请重试；如果仍然出错，请把请求编号告诉服务器管理员，管理员可在服务器日志中找到该错误。',
};

const API_MESSAGES: Readonly<Record<MessageLanguage, Record<ApiMessageKey, string>>> = {
  en: API_MESSAGES_EN,
  'zh-CN': API_MESSAGES_ZH_CN,
};

/** Phrases for each permission, as the 403 names what a token may not do. */
const PERMISSION_WORDS: Readonly<Record<MessageLanguage, Record<Permission, string>>> = {
  en: {
    identify: 'identify itself',
    read: 'read workspace data',
    write: 'change workspace data',
    'manage-keys': 'create or revoke tokens',
    allocate: 'allocate leads',
  },
  'zh-CN': {
    identify: '查询自身身份',
    read: '读取工作区数据',
    write: '修改工作区数据',
    'manage-keys': '创建或撤销令牌',
    allocate: '分配线索',
  },
};

/** Synced documents by kind, as messages name them. */
const DOCUMENT_WORDS: Readonly<Record<MessageLanguage, Record<DocumentKind, string>>> = {
  en: {
    flow: 'flow document',
    reps: 'rep list',
    teams: 'team list',
    targets: 'target list',
    'existing-owners': 'existing-owner list',
    'flow-versions': 'flow version list',
  },
  'zh-CN': {
    flow: '流程文档',
    reps: '销售名单',
    teams: '团队列表',
    targets: '目标列表',
    'existing-owners': '已有负责人名单',
    'flow-versions': '流程版本列表',
  },
};

/** A message parameter: a value, or a function that words it in a language. */
export type ApiMessageParam = string | number | ((language: MessageLanguage) => string);

/** Words a server error message in `language`, with `{{name}}` parameters filled in. */
export function apiMessage(
  language: MessageLanguage,
  key: ApiMessageKey,
  params: Readonly<Record<string, ApiMessageParam>> = {},
): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    values[name] = typeof value === 'function' ? value(language) : value;
  }
  return interpolate(API_MESSAGES[language][key], values);
}

/**
 * An {@link ApiError} worded by message `key` in the request's language.
 * `details` builds the error object's extra fields from the worded message,
 * such as an `issues` list that repeats it for one field.
 */
export function apiError(
  statusCode: number,
  code: ErrorCode,
  key: ApiMessageKey,
  params: Readonly<Record<string, ApiMessageParam>> = {},
  details?: (message: string, language: MessageLanguage) => Record<string, unknown>,
): ApiError {
  return localizedError(statusCode, code, (language) => {
    const message = apiMessage(language, key, params);
    return { message, details: details?.(message, language) };
  });
}

/** The words for a permission, as a message parameter. */
export const permissionWords =
  (permission: Permission): ApiMessageParam =>
  (language) =>
    PERMISSION_WORDS[language][permission];

/** The words for a kind of synced document, as a message parameter. */
export const documentWords =
  (kind: DocumentKind): ApiMessageParam =>
  (language) =>
    DOCUMENT_WORDS[language][kind];

/** The 404 for a flow that the workspace does not have (or deleted). */
export const flowNotFound = (flowId: string): ApiError =>
  apiError(404, 'not-found', 'flowNotFound', { flowId });

/** Most input issues a 422 of the engine words in its message; `issues` lists them all. */
const INPUT_ISSUES_WORDED = 3;

/**
 * Words the issues the engine found in a workspace's stored lists or state
 * (see `formatInputIssue`), naming each entry and field; an issue without
 * params keeps its English reason.
 */
export const inputIssueWords =
  (issues: readonly InputIssue[]): ApiMessageParam =>
  (language) =>
    issues
      .slice(0, INPUT_ISSUES_WORDED)
      .map((issue) => {
        const subject = inputSubject(issue.path, language);
        return formatInputIssue(issue, language, subject) ?? `${issue.path}: ${issue.message}.`;
      })
      .join(language === 'en' ? ' ' : '');

/** Names the list entry or state field at an input issue's path (`reps[5].capacity.day`). */
function inputSubject(path: string, language: MessageLanguage): string {
  const state = /^state(?:\.(.+))?$/.exec(path);
  if (state) {
    return state[1] === undefined
      ? apiMessage(language, 'inputState')
      : apiMessage(language, 'inputStateField', { name: state[1] });
  }

  const listed = /^(reps|existingOwners)\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (!listed) return apiMessage(language, 'inputOther', { name: path });

  const number = Number(listed[2]) + 1;
  const isRep = listed[1] === 'reps';
  if (listed[3] === undefined)
    return apiMessage(language, isRep ? 'inputRep' : 'inputOwner', { number });
  return apiMessage(language, isRep ? 'inputRepField' : 'inputOwnerField', {
    number,
    name: listed[3],
  });
}
