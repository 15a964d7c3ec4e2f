import i18next, { type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

export const SUPPORTED_LANGUAGES = ['zh-CN', 'en'] as const;
export type AppLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** localStorage key that remembers the user's choice of language. */
export const LANGUAGE_STORAGE_KEY = 'sras.language';

// Each feature keeps its strings in src/locales/<language>/<namespace>.json.
const catalogues = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', {
  eager: true,
  import: 'default',
});

function buildResources(): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, catalogue] of Object.entries(catalogues)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] ??= {};
    resources[language][namespace] = catalogue;
  }
  return resources;
}

/**
 * Maps whatever the browser reports to a supported language: any Chinese
 * variant gets Simplified Chinese, everything else English.
 */
export function toAppLanguage(detected: string | undefined): AppLanguage {
  return detected?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Initialises i18next once; tests may pass a fixed language. */
export function initI18n(language?: AppLanguage): I18n {
  if (i18next.isInitialized) {
    if (language && i18next.language !== language) void i18next.changeLanguage(language);
    return i18next;
  }

  const instance = language ? i18next : i18next.use(LanguageDetector);
  void instance.use(initReactI18next).init({
    resources: buildResources(),
    lng: language,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: toAppLanguage,
    },
  });

  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
