import type { FlowNode } from '../flow/flow.types.js';
import type { InputIssue } from '../run/engine-input.error.js';
import type { FlowProblem } from '../validation/problem.types.js';
import { messagesEn, type EngineMessages } from './messages.en.js';
import { messagesZhCn } from './messages.zh-CN.js';
import { labelledProblemParams, nodeLabels } from './node-labels.js';
import { formatSchemaProblem } from './schema-message.js';

/** Languages the engine's messages exist in. */
export type MessageLanguage = 'en' | 'zh-CN';

/**
 * The engine's message catalogue by language, as i18next resources: add it
 * to an i18next instance as a namespace (`i18n.addResourceBundle(lang,
 * 'engine', ENGINE_MESSAGES[lang])`) and look texts up as
 * `engine:problem.<code>`, `engine:reason.<code>`, `engine:skip.<code>` and
 * `engine:connection.<reason>`.
 */
export const ENGINE_MESSAGES: Readonly<Record<MessageLanguage, EngineMessages>> = {
  en: messagesEn,
  'zh-CN': messagesZhCn,
};

/**
 * Replaces each `{{name}}` in a template with its parameter, the way i18next
 * does without escaping; a missing parameter leaves an empty string.
 */
export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number | undefined>>,
): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined ? '' : String(value);
  });
}

/**
 * Words a problem in a language, with its location (`nodeId`, `edgeId`,
 * `field`) available to the message as parameters. Given the flow's nodes,
 * the message names nodes by their labels (see `nodeLabels`) instead of
 * their ids. A file off the flow schema (`schema-invalid` from `parseFlow`)
 * is worded from its issue: the field in words, its node or edge, what was
 * expected and what the file holds. Unknown languages fall back to English.
 *
 * @example formatProblem({ code: 'source-missing', severity: 'error', params: {} }, 'zh-CN')
 */
export function formatProblem(
  problem: FlowProblem,
  language: MessageLanguage = 'en',
  nodes?: readonly Pick<FlowNode, 'id' | 'type' | 'data'>[],
): string {
  const messages = ENGINE_MESSAGES[language] ?? messagesEn;
  if (problem.code === 'schema-invalid') {
    const text = formatSchemaProblem(problem.params, messages.schema, interpolate);
    if (text !== undefined) return text;
  }

  const template = messages.problem[problem.code] ?? problem.code;
  const labels = nodes ? nodeLabels(nodes, language) : new Map<string, string>();
  return interpolate(template, labelledProblemParams(problem, labels));
}

/**
 * Words an issue of a run's input (a team, existing owners or a state) in a
 * language from its `params`, with `subject` naming the field as the host
 * shows it, such as `Field "capacity.day" of rep 6`. The text states what
 * is wrong and leaves what to do to the host, which names the file. Returns
 * null for an issue without params, which only its English `message` words.
 *
 * @example formatInputIssue(error.issues[0], 'zh-CN', '第 6 名销售的字段"weight"')
 */
export function formatInputIssue(
  issue: Pick<InputIssue, 'params'>,
  language: MessageLanguage,
  subject: string,
): string | null {
  const params = issue.params;
  if (params === undefined || typeof params.issue !== 'string') return null;

  const messages = ENGINE_MESSAGES[language] ?? messagesEn;
  const own = (messages.schema.input as Record<string, string | undefined>)[params.issue];
  if (own !== undefined) return interpolate(own, { ...params, subject });

  const worded = formatSchemaProblem(
    { ...params, subject: 'field', field: subject, wording: 'input' },
    messages.schema,
    interpolate,
  );
  return worded ?? null;
}
