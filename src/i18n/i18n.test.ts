import { describe, expect, it } from 'vitest';
import { initI18n, toAppLanguage } from './i18n';

describe('toAppLanguage', () => {
  it('maps every Chinese browser language to Simplified Chinese', () => {
    expect(toAppLanguage('zh')).toBe('zh-CN');
    expect(toAppLanguage('zh-TW')).toBe('zh-CN');
    expect(toAppLanguage('zh-CN')).toBe('zh-CN');
  });

  it('maps other languages and a missing language to English', () => {
    expect(toAppLanguage('fr-FR')).toBe('en');
    expect(toAppLanguage(undefined)).toBe('en');
  });
});

describe('initI18n', () => {
  it('loads the catalogues of both languages', async () => {
    const i18n = initI18n('zh-CN');

    expect(i18n.t('appName')).toBe('销售资源分配');
    await i18n.changeLanguage('en');
    expect(i18n.t('appName')).toBe('Lead allocation');
  });
});

describe('catalogues', () => {
  const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', {
    eager: true,
    import: 'default',
  });

  function strings(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (typeof value !== 'object' || value === null) return [];
    return Object.values(value).flatMap(strings);
  }

  it('holds no Markdown backticks, which would show literally', () => {
    const withBackticks = Object.entries(files).flatMap(([file, catalogue]) =>
      strings(catalogue)
        .filter((text) => text.includes('`'))
        .map((text) => `${file}: ${text}`),
    );

    expect(Object.keys(files).length).toBeGreaterThan(10);
    expect(withBackticks).toEqual([]);
  });
});
