import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  FOOTER,
  HEADER_PREFIX,
  HEADER_SUFFIX,
} from './backup-format';
import { readBackupFile, type BackupReadError } from './backup-read';
import { describeBackupReadError } from './backup-read-message';

/** A backup file in the line layout with the given record lines. */
function backupFile(lines: string[], footer = true): File {
  const header = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, counts: {} });
  const text = [`${HEADER_PREFIX}${header}${HEADER_SUFFIX}`, ...lines, ...(footer ? [FOOTER] : [])];
  return new File([text.join('\n')], 'backup.json');
}

async function rejection(file: File): Promise<BackupReadError> {
  const read = await readBackupFile(file);
  if (read.ok) throw new Error('the file was accepted');
  return read.error;
}

async function wordings(error: BackupReadError): Promise<{ zh: string; en: string }> {
  const i18n = initI18n('zh-CN');
  await i18n.changeLanguage('zh-CN');
  const zh = describeBackupReadError(i18n.getFixedT('zh-CN', 'backup'), error, 'zh-CN');
  const en = describeBackupReadError(i18n.getFixedT('en', 'backup'), error, 'en');
  return { zh, en };
}

describe('describeBackupReadError', () => {
  it('names the table and the field in words for a bad target plan', async () => {
    const error = await rejection(
      backupFile(['{"table":"targetPlans","record":{"id":"p1","year":"2026"}},']),
    );

    const { zh, en } = await wordings(error);

    expect(zh).toBe('第 2 行是无效的目标计划记录：年份应为数字。没有恢复任何内容。');
    expect(en).toBe(
      'Line 2 holds an invalid record of Target plans: the year must be a number. Nothing was restored.',
    );
  });

  it('words a rep below its minimum without zod text', async () => {
    const error = await rejection(
      backupFile(['{"table":"reps","record":{"id":"r1","name":"张伟","team":"","weight":-1}},']),
    );

    const { zh } = await wordings(error);

    expect(zh).toMatch(/^第 2 行是无效的销售人员记录：权重不能小于 0/);
    expect(zh).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('says in Chinese that a file ends early or is not UTF-8', async () => {
    const early = await rejection(
      backupFile(['{"table":"teams","record":{"id":"t","name":"A"}},'], false),
    );
    const binary = await rejection(new File([new Uint8Array([0xff, 0xfe, 0xfd, 0x0a])], 'x.json'));

    expect((await wordings(early)).zh).toBe(
      '文件不是可读取的备份：文件在第 2 行提前结束，缺少后面的内容。请重新导出备份，或复制完整的文件。',
    );
    expect((await wordings(binary)).zh).toMatch(/^文件不是可读取的备份：它不是 UTF-8 文本。/);
  });

  it('words every record problem code in both languages without English in Chinese', async () => {
    const lines = [
      '{"table":"nosuch","record":{}},',
      '{"table":"teams","record":[]},',
      '{"table":"datasets","record":{"id":"d","name":"n","importedAt":1,"rowCount":1,"chunkSize":1,"kind":"x"}},',
      '{"table":"datasetRows","record":{"datasetId":"d","chunk":-1,"rows":[]}},',
      '{"table":"runStates","record":{"runId":"r","state":null}},',
      '{"table":"flows","record":{"id":"f","name":"n","revision":1,"createdAt":1,"updatedAt":1,"document":{}}},',
    ];
    for (const line of lines) {
      const { zh, en } = await wordings(await rejection(backupFile([line])));

      expect(zh).toMatch(/^第 2 行是无效的/);
      expect(en).toMatch(/^Line 2 holds an invalid record/);
      expect(zh).not.toContain('restore.');
    }
  });
});
