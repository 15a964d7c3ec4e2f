import type { FlowProblem } from '../validation/problem.types.js';
import { messagesEn, type EngineMessages } from './messages.en.js';
import { messagesZhCn } from './messages.zh-CN.js';

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
 * `field`) available to the message as parameters. Unknown languages fall
 * back to English.
 *
 * @example formatProblem({ code: 'source-missing', severity: 'error', params: {} }, 'zh-CN')
 */
export function formatProblem(problem: FlowProblem, language: MessageLanguage = 'en'): string {
  const messages = ENGINE_MESSAGES[language] ?? messagesEn;
  const template = messages.problem[problem.code] ?? problem.code;
  return interpolate(template, {
    nodeId: problem.nodeId,
    edgeId: problem.edgeId,
    field: problem.field,
    ...problem.params,
  });
}
