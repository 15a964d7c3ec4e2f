import type { MessageLanguage } from '@sras/engine';

/**
 * Picks the language of a request's error messages from its
 * `Accept-Language` header: Chinese (`zh-CN`) when the client ranks any
 * Chinese tag (`zh`, `zh-CN`, `zh-Hans`, …) above English, else English,
 * the language of the server's other messages. Ranges without a language
 * the server speaks (`*`, `fr`) and ranges with `q=0` are skipped; ties
 * keep the header's order.
 */
export function requestLanguage(header: string | string[] | undefined): MessageLanguage {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  if (text === '') return 'en';

  let best: { language: MessageLanguage; quality: number } | null = null;
  for (const range of text.split(',')) {
    const [tag = '', ...parameters] = range.split(';').map((part) => part.trim());
    const language = languageOf(tag);
    if (language === null) continue;

    const quality = qualityOf(parameters);
    if (quality <= 0) continue;
    if (best === null || quality > best.quality) best = { language, quality };
  }
  return best?.language ?? 'en';
}

function languageOf(tag: string): MessageLanguage | null {
  const primary = tag.toLowerCase().split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

/** Reads `q=0.8` among a range's parameters; 1 without one, 0 for a malformed one. */
function qualityOf(parameters: readonly string[]): number {
  const q = parameters.find((parameter) => /^q\s*=/i.test(parameter));
  if (q === undefined) return 1;
  const value = Number(q.slice(q.indexOf('=') + 1).trim());
  return Number.isFinite(value) ? value : 0;
}
