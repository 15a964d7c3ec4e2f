import { CsvTokenizer, type RawRow } from './csv-tokenizer.js';
import { detectNewline, sniffDelimiter, type Delimiter, type Newline } from './delimiter-sniff.js';
import { BinaryContentCheck } from './binary-check.js';
import { throwIfAborted } from './import.error.js';
import {
  TableBuilder,
  requireDataRows,
  type ImportRow,
  type TableOptions,
  type TableSummary,
} from './table-builder.js';
import { StreamingTextDecoder, resolveEncodingName, type EncodingInfo } from './text-decoder.js';

/** Options of a delimited-text import. */
export interface CsvImportOptions extends TableOptions {
  /** Encoding used when the file has no byte order mark (`utf-8`, `gb18030`, `gbk`, `utf-16le`…); detected when absent. */
  encoding?: string;
  /** Field delimiter; sniffed from the first 64 KiB when absent. */
  delimiter?: Delimiter;
}

/** Progress of a long import. */
export interface ImportProgress {
  /** `reading`: a workbook is being unpacked; `parsing`: rows are being produced. */
  phase: 'reading' | 'parsing';
  bytesRead: number;
  /** Size of the input when known. */
  totalBytes: number | null;
  rows: number;
}

/** Encoding, delimiter and table details of a delimited-text import. */
export interface CsvImportSummary extends TableSummary {
  encoding: EncodingInfo | null;
  delimiter: Delimiter | null;
  newline: Newline | null;
  bytesRead: number;
}

/** Decoded text gathered before the delimiter and line break are sniffed. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Imports delimited text pushed in chunks of bytes, with bounded memory:
 * each `write` returns the records its bytes completed. Records start to
 * come out once the encoding, delimiter and header row are known (after
 * about 64 KiB or 100 rows).
 */
export class CsvImportStream {
  private readonly options: CsvImportOptions;
  private readonly decoder: StreamingTextDecoder;
  private readonly table: TableBuilder;
  private readonly binaryCheck: BinaryContentCheck;
  private tokenizer: CsvTokenizer | null = null;
  private sample = '';
  private sniffed: { delimiter: Delimiter; newline: Newline } | null = null;
  private bytes = 0;
  private ended = false;

  constructor(options: CsvImportOptions = {}) {
    this.options = options;
    this.decoder = new StreamingTextDecoder(
      options.encoding ? resolveEncodingName(options.encoding) : undefined,
    );
    this.table = new TableBuilder(options, { reportRaggedRows: true, columnLetters: false });
    this.binaryCheck = new BinaryContentCheck(
      options.encoding ? resolveEncodingName(options.encoding) : undefined,
    );
  }

  /** Bytes taken so far. */
  get bytesRead(): number {
    return this.bytes;
  }

  /** Records produced so far. */
  get rowCount(): number {
    return this.table.rowsProduced;
  }

  /** Decodes and parses the next chunk; returns the records it completed. */
  write(chunk: Uint8Array): ImportRow[] {
    this.bytes += chunk.length;
    this.binaryCheck.inspect(chunk);
    return this.takeText(this.decoder.decode(chunk, false), false);
  }

  /** Parses what is left; returns the last records. Call once, after the last chunk. */
  end(): ImportRow[] {
    if (this.ended) return [];
    this.ended = true;
    this.binaryCheck.finish();
    const rows = this.takeText(this.decoder.decode(new Uint8Array(0), true), true);
    const tokenizer = this.tokenizer as CsvTokenizer;
    rows.push(...this.feed(tokenizer.end()));
    rows.push(...this.table.finish());
    for (const problem of tokenizer.quoteProblems) {
      this.table.issueCollector.add({
        code: 'malformed-quotes',
        row: problem.row,
        params: { problem: problem.code },
      });
    }
    return rows;
  }

  /** Encoding, delimiter, columns, mapping and report; complete after `end`. */
  summary(): CsvImportSummary {
    return {
      ...this.table.summary(),
      encoding: this.decoder.encoding,
      delimiter: this.sniffed?.delimiter ?? null,
      newline: this.sniffed?.newline ?? null,
      bytesRead: this.bytes,
    };
  }

  private takeText(text: string, final: boolean): ImportRow[] {
    if (this.tokenizer) return this.feed(this.tokenizer.push(text));

    this.sample += text;
    if (this.sample.length < SNIFF_CHARS && !final) return [];

    const sample = this.sample;
    this.sample = '';
    this.sniffed = {
      delimiter: this.options.delimiter ?? sniffDelimiter(sample),
      newline: detectNewline(sample),
    };
    this.tokenizer = new CsvTokenizer(this.sniffed.delimiter, this.sniffed.newline);
    return this.feed(this.tokenizer.push(sample));
  }

  private feed(rawRows: readonly RawRow[]): ImportRow[] {
    const rows: ImportRow[] = [];
    for (const raw of rawRows) {
      for (const row of this.table.push(raw)) rows.push(row);
    }
    return rows;
  }
}

/** Options of `importCsvStream`. */
export interface CsvStreamRunOptions extends CsvImportOptions {
  /** Receives each batch of records as soon as it is ready. */
  onRows: (rows: ImportRow[]) => void | Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Input size, for progress. */
  totalBytes?: number;
}

/**
 * Reads delimited text from a stream of byte chunks (a `ReadableStream`, a
 * Node stream or any async iterable), hands records to `onRows` batch by
 * batch and reports progress after every chunk. Rejects with an `AbortError`
 * when `signal` fires; the records already handed over stay with the caller.
 */
export async function importCsvStream(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  options: CsvStreamRunOptions,
): Promise<CsvImportSummary> {
  const stream = new CsvImportStream(options);
  let rows = 0;
  const deliver = async (batch: ImportRow[]): Promise<void> => {
    if (batch.length === 0) return;
    rows += batch.length;
    await options.onRows(batch);
  };

  for await (const chunk of iterateChunks(source)) {
    throwIfAborted(options.signal);
    await deliver(stream.write(chunk));
    options.onProgress?.({
      phase: 'parsing',
      bytesRead: stream.bytesRead,
      totalBytes: options.totalBytes ?? null,
      rows,
    });
  }
  throwIfAborted(options.signal);
  await deliver(stream.end());
  options.onProgress?.({
    phase: 'parsing',
    bytesRead: stream.bytesRead,
    totalBytes: options.totalBytes ?? null,
    rows,
  });
  const summary = stream.summary();
  requireDataRows(summary, options);
  return summary;
}

async function* iterateChunks(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (!('getReader' in source)) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
