import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasWorkbookSignature, readFirstSheet, WorkbookReadError } from './xlsx-file';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(`src/features/targets/test/fixtures/${name}`));

async function readError(data: Uint8Array): Promise<unknown> {
  try {
    await readFirstSheet(data);
  } catch (error) {
    return error;
  }
  return null;
}

describe('readFirstSheet', () => {
  it('reads a real XLS workbook', async () => {
    const bytes = fixture('5kcrm_customer_model.xls');
    expect(hasWorkbookSignature(bytes)).toBe(true);
    const rows = await readFirstSheet(bytes);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('reads a formula saved without its result as one', async () => {
    const rows = await readFirstSheet(fixture('grid-without-cached-totals.xlsx'));

    expect(rows[1]?.[3]).toEqual({ formula: 'SUM(E2,I2,M2,Q2)' });
    expect(rows[3]?.[5]).toBe(97_277);
  });

  it('rejects a picture renamed to .xlsx as not a workbook', async () => {
    const error = await readError(fixture('picture-renamed.xlsx'));
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe('not-a-workbook');
  });

  it('rejects an empty file and plain text as not a workbook', async () => {
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('姓名,金额\n张伟,100\n')]) {
      expect(((await readError(bytes)) as WorkbookReadError).code).toBe('not-a-workbook');
    }
  });

  it('reports a damaged workbook as unreadable and keeps the cause for engineers', async () => {
    const damaged = fixture('5kcrm_customer_model.xls').slice(0, 600);
    const error = await readError(damaged);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe('unreadable');
    expect((error as WorkbookReadError).cause).toBeDefined();
  });
});
