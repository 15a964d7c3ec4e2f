import { formatImportMessage, importMessages, type ImportMessageLanguage } from '@sras/import';
import type { TFunction } from 'i18next';
import type { WorkerFailure } from './import-worker.protocol';

/** The interface language as the import package's message catalogue names it. */
export function importLanguage(language: string): ImportMessageLanguage {
  return language.startsWith('zh') ? 'zh-CN' : 'en';
}

/** A failure of the import worker in words for the user. */
export function describeFailure(t: TFunction, language: string, failure: WorkerFailure): string {
  if (failure.code === 'storage-full') return t('common:errors.storageFull');
  if (failure.code === 'kind-incomplete') return t('data:failure.kindIncomplete');

  const catalogue = importMessages[importLanguage(language)] as Record<string, string>;
  if (failure.code && failure.code in catalogue) {
    return formatImportMessage(
      failure.code as keyof typeof importMessages.en,
      failure.params ?? {},
      importLanguage(language),
    );
  }
  return t('data:failure.unexpected', { message: failure.message });
}
