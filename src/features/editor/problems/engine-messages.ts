import type { i18n as I18n } from 'i18next';
import { ENGINE_MESSAGES, type MessageLanguage } from '@sras/engine';

/** i18next namespace holding the engine's problem and connection messages. */
export const ENGINE_NAMESPACE = 'engine';

/**
 * Add the engine's message catalogue to i18next as the `engine` namespace, in
 * every language it has, unless someone already did.
 */
export function registerEngineMessages(i18n: I18n): void {
  for (const language of Object.keys(ENGINE_MESSAGES) as MessageLanguage[]) {
    if (i18n.hasResourceBundle(language, ENGINE_NAMESPACE)) continue;
    i18n.addResourceBundle(language, ENGINE_NAMESPACE, ENGINE_MESSAGES[language], true, false);
  }
}
