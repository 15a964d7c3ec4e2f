import { formatProblem } from '@sras/engine';
import type { TFunction } from 'i18next';
import type { BackupReadError } from './backup-read';
import type { RecordProblem } from './backup-records';

/** Words why a backup file was rejected, in the language of `t`, with tables and fields by their display names. */
export function describeBackupReadError(
  t: TFunction,
  error: BackupReadError,
  language: string,
): string {
  switch (error.code) {
    case 'notUtf8':
      return t('restore.errors.notUtf8');
    case 'notJson':
      return error.line === undefined
        ? t('restore.errors.notJson')
        : t('restore.errors.notJsonAtLine', { line: error.line });
    case 'endsEarly':
      return t('restore.errors.endsEarly', { line: error.line });
    case 'textAfterEnd':
      return t('restore.errors.textAfterEnd', { line: error.line });
    case 'notABackup':
      return t('restore.errors.notABackup');
    case 'unsupportedVersion':
      return t('restore.errors.unsupportedVersion', { version: error.version });
    case 'invalidRecord':
      return t('restore.errors.invalidRecord', {
        line: error.line,
        table: t(`tables.${error.table}`, { defaultValue: error.table }),
        reason: describeRecordProblem(t, error.problem, language),
      });
  }
}

function describeRecordProblem(t: TFunction, problem: RecordProblem, language: string): string {
  if (problem.code === 'flowInvalid') {
    return t('restore.recordProblems.flowInvalid', {
      problem: formatProblem(problem.problem, language === 'zh-CN' ? 'zh-CN' : 'en'),
    });
  }
  const field =
    'field' in problem
      ? t(`restore.fields.${problem.field}`, { defaultValue: problem.field })
      : undefined;
  return t(`restore.recordProblems.${problem.code}`, { ...problem, field });
}
