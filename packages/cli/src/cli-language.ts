/** Languages the command line speaks. */
export type CliLanguage = 'en' | 'zh-CN';

/**
 * Picks the language: `--lang` when given (any `zh…` value is Chinese),
 * else Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set)
 * starts with `zh`, else English.
 */
export function resolveLanguage(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): CliLanguage {
  const chosen = option ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  return chosen.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Finds `--lang` in raw arguments before they are parsed, so that help and
 * parse errors are already in the right language.
 */
export function findLanguageArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] as string;
    if (argument === '--lang') return argv[i + 1];
    if (argument.startsWith('--lang=')) return argument.slice('--lang='.length);
  }
  return undefined;
}

/** True for a `--lang` value the command line speaks: `zh`, `en` and their regional forms such as `zh-CN`, `zh_CN.UTF-8`, `en-US`. */
export function isSupportedLanguage(option: string): boolean {
  return /^(?:zh|en)(?:[-_.][a-z0-9-]+)*$/i.test(option.trim());
}
