import { describe, expect, it } from 'vitest';

import {
  CsvImportStream,
  StreamingTextDecoder,
  importCsvStream,
  importFile,
  type ImportProgress,
  type ImportRow,
} from '@sras/import';

import { fixture, hex, utf8 } from './helpers.js';

function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size)
    yield bytes.subarray(offset, offset + size);
}

async function* asyncChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  yield* chunks(bytes, size);
}

describe('CsvImportStream', () => {
  it('gives the same rows in 7-byte chunks as in one piece', async () => {
    const bytes = fixture('alipay_example_gbk.csv');
    const whole = await importFile(bytes);

    const stream = new CsvImportStream();
    const rows: ImportRow[] = [];
    for (const chunk of chunks(bytes, 7)) rows.push(...stream.write(chunk));
    rows.push(...stream.end());

    expect(rows).toEqual(whole.rows);
    expect(stream.summary().encoding).toEqual(whole.encoding);
    expect(stream.summary().columns).toEqual(whole.columns);
  });

  it('splits quoted cells and CRLF pairs across chunk borders', () => {
    const bytes = utf8('name,remark\r\n"A","x\r\ny"\r\nB,"he said ""hi"""\r\n');
    const stream = new CsvImportStream();
    const rows: ImportRow[] = [];
    for (const chunk of chunks(bytes, 3)) rows.push(...stream.write(chunk));
    rows.push(...stream.end());

    expect(rows.map((row) => [row.row, row.values.remark])).toEqual([
      [2, 'x\r\ny'],
      [4, 'he said "hi"'],
    ]);
  });

  it('rejects a quote that never closes instead of buffering the file', () => {
    const stream = new CsvImportStream();
    stream.write(utf8('name,remark\nA,"open\n'));
    const filler = utf8('x'.repeat(1024 * 1024));

    expect(() => {
      for (let i = 0; i < 10; i++) stream.write(filler);
    }).toThrow(expect.objectContaining({ code: 'unterminated-quote', params: { row: 2 } }));
  });

  it('reports a quote left open at the end of the file', () => {
    const stream = new CsvImportStream();
    stream.write(utf8('name,remark\nA,"open\n'));
    stream.end();

    expect(stream.summary().report.issues).toContainEqual(
      expect.objectContaining({ code: 'malformed-quotes' }),
    );
  });
});

describe('importCsvStream', () => {
  it('delivers rows in batches with progress in bytes and rows', async () => {
    const bytes = fixture('xeducation_Leads.csv');
    const progress: ImportProgress[] = [];
    let received = 0;

    const summary = await importCsvStream(asyncChunks(bytes, 256 * 1024), {
      totalBytes: bytes.length,
      onRows: (rows) => {
        received += rows.length;
      },
      onProgress: (update) => progress.push(update),
    });

    expect(received).toBe(9240);
    expect(summary.report.rowCount).toBe(9240);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toEqual({
      phase: 'parsing',
      bytesRead: bytes.length,
      totalBytes: bytes.length,
      rows: 9240,
    });
    expect(progress.map((update) => update.bytesRead)).toEqual(
      [...progress.map((update) => update.bytesRead)].sort((a, b) => a - b),
    );
  });

  it('reads a web ReadableStream', async () => {
    const bytes = utf8('姓名,手机\n张三,13800000000\n');
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 5));
        controller.enqueue(bytes.subarray(5));
        controller.close();
      },
    });
    const rows: ImportRow[] = [];

    await importCsvStream(source, { onRows: (batch) => void rows.push(...batch) });

    expect(rows.map((row) => row.fields.phone)).toEqual(['13800000000']);
  });

  it('rejects a stream with a header and no data rows', async () => {
    const source = asyncChunks(utf8('姓名,手机\n'), 4);

    await expect(importCsvStream(source, { onRows: () => undefined })).rejects.toMatchObject({
      code: 'no-data-rows',
    });
  });

  it('stops with an AbortError when the signal fires', async () => {
    const bytes = fixture('xeducation_Leads.csv');
    const controller = new AbortController();
    let received = 0;

    const run = importCsvStream(asyncChunks(bytes, 64 * 1024), {
      signal: controller.signal,
      onRows: (rows) => {
        received += rows.length;
        controller.abort();
      },
    });

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(received).toBeLessThan(9240);
  });
});

describe('importFile cancellation', () => {
  it('rejects with an AbortError when cancelled between chunks', async () => {
    const controller = new AbortController();

    const run = importFile(fixture('xeducation_Leads.csv'), {
      chunkSize: 64 * 1024,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('StreamingTextDecoder', () => {
  it('switches to GB18030 when GBK text follows a long ASCII prefix', () => {
    const ascii = utf8(`name,city\n${'a,b\n'.repeat(50_000)}`);
    const gbk = hex('d5c5c8fd2cbabcd6dd0a');
    const decoder = new StreamingTextDecoder();

    const text =
      decoder.decode(ascii) + decoder.decode(gbk) + decoder.decode(new Uint8Array(0), true);

    expect(decoder.encoding).toEqual({ encoding: 'gb18030', reason: 'invalid-utf-8' });
    expect(text.endsWith('张三,杭州\n')).toBe(true);
  });

  it('keeps a UTF-8 character split across chunks whole', () => {
    const bytes = utf8('姓名\n张三\n');
    const decoder = new StreamingTextDecoder();

    const text =
      [...chunks(bytes, 1)].map((chunk) => decoder.decode(chunk)).join('') +
      decoder.decode(new Uint8Array(0), true);

    expect(text).toBe('姓名\n张三\n');
    expect(decoder.encoding?.encoding).toBe('utf-8');
  });

  it('rejects a file that turns from UTF-8 into GBK', () => {
    const decoder = new StreamingTextDecoder();
    decoder.decode(utf8(`姓名\n${'张三\n'.repeat(2000)}`));

    expect(() => decoder.decode(hex('d5c5c8fd0a'), true)).toThrow(
      expect.objectContaining({ code: 'encoding-inconsistent' }),
    );
  });
});
