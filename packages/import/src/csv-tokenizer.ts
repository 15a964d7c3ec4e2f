import Papa from 'papaparse';

import { ImportError } from './import.error.js';
import type { Delimiter, Newline } from './delimiter-sniff.js';

/** One record of a delimited text file, before any trimming. */
export interface RawRow {
  /** 1-based line of the file (or sheet row) where the record starts. */
  row: number;
  cells: string[];
}

/** A malformed quote reported by the tokenizer. */
export interface QuoteProblem {
  row: number;
  code: 'MissingQuotes' | 'InvalidQuotes';
}

/**
 * Text held back waiting for the end of a record. A quote that is never
 * closed makes the rest of the file one record; past this size the file is
 * rejected rather than buffered whole and re-scanned for every chunk.
 */
const MAX_PENDING_CHARS = 8 * 1024 * 1024;

const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * Splits delimited text into records chunk by chunk with papaparse's
 * tokenizer (RFC 4180 quoting, no type conversion). Each call returns the
 * records completed so far; an unfinished record waits for the next chunk.
 */
export class CsvTokenizer {
  private readonly parser: Papa.Parser;
  private pending = '';
  private nextLine = 1;
  private firstRecord = true;
  readonly quoteProblems: QuoteProblem[] = [];

  constructor(delimiter: Delimiter, newline: Newline) {
    this.parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  }

  /** Tokenises the next piece of text; returns the records it completed. */
  push(text: string): RawRow[] {
    const input = this.pending + text;
    const result = this.parser.parse(input, 0, true) as PapaResult;
    this.pending = input.slice(result.meta.cursor);
    if (this.pending.length > MAX_PENDING_CHARS) {
      throw new ImportError(
        'unterminated-quote',
        `A quote opened near line ${this.nextLine} is never closed, so the rest of the file ` +
          'reads as one cell. Close the quote, or remove the stray " character.',
        { row: this.nextLine },
      );
    }
    return this.collect(result, input.includes('"'));
  }

  /** Tokenises what is left after the last chunk. */
  end(): RawRow[] {
    const input = this.pending;
    this.pending = '';
    if (input === '') return [];
    const result = this.parser.parse(input, 0, false) as PapaResult;
    return this.collect(result, input.includes('"'));
  }

  private collect(result: PapaResult, mayHaveQuotedBreaks: boolean): RawRow[] {
    const rows: RawRow[] = [];
    const firstRowOfChunk = this.nextLine;
    for (const cells of result.data) {
      if (this.firstRecord) {
        this.firstRecord = false;
        // A byte order mark that survived decoding must not end up in the first header.
        if (cells[0]?.startsWith('\uFEFF')) cells[0] = cells[0].slice(1);
      }
      rows.push({ row: this.nextLine, cells });
      this.nextLine += 1 + (mayHaveQuotedBreaks ? countQuotedBreaks(cells) : 0);
    }
    for (const error of result.errors) {
      if (error.code === 'MissingQuotes' || error.code === 'InvalidQuotes') {
        const row = rows[error.row ?? 0]?.row ?? firstRowOfChunk;
        this.quoteProblems.push({ row, code: error.code });
      }
    }
    return rows;
  }
}

interface PapaResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

function countQuotedBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.includes('\n') || cell.includes('\r')) {
      breaks += cell.match(LINE_BREAK)?.length ?? 0;
    }
  }
  return breaks;
}
