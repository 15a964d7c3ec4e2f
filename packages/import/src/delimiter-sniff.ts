/** Field delimiters the importer recognises, in order of preference on a tie. */
export const DELIMITERS = ['\t', ',', ';', '|', ' '] as const;

export type Delimiter = (typeof DELIMITERS)[number];

export type Newline = '\r\n' | '\n' | '\r';

/** Lines of the sample used for sniffing. */
const SAMPLE_LINES = 200;

/**
 * A number written by a decimal-comma Excel in scientific notation, such as
 * `1,38001E+10`: its comma is not a field delimiter.
 */
const DECIMAL_COMMA_EXPONENT = /(^|[^\d,])[+-]?\d+,\d+e[+-]?\d+(?=$|[^\d,])/gi;

/**
 * Guesses the field delimiter from the first lines of a text file. For each
 * candidate it counts the fields of every non-blank line outside quotes and
 * keeps the most common count; the candidate whose most common count (above
 * one) covers the most lines wins, ties going to the order of `DELIMITERS`.
 * Numbers like `1,38E+10` are masked before commas are counted, so that a
 * `;` file whose phones Excel turned into exponent notation is not split on
 * them. A space delimiter is chosen only when at least 90 % of the lines
 * have the same count of at least three fields, because ordinary text has spaces.
 * Returns `,` when no candidate splits the lines.
 */
export function sniffDelimiter(sample: string): Delimiter {
  const lines = sample.split(/\r\n|\n|\r/, SAMPLE_LINES).filter((line) => line.trim() !== '');
  if (lines.length === 0) return ',';

  let best: { delimiter: Delimiter; lines: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const prepared = delimiter === ',' ? lines.map(maskDecimalCommaNumbers) : lines;
    const consistency = measureConsistency(prepared, delimiter);
    if (!consistency) continue;
    if (delimiter === ' ' && !isClearSpaceTable(consistency, lines.length)) continue;
    if (!best || consistency.lines > best.lines) {
      best = { delimiter, lines: consistency.lines };
    }
  }
  return best?.delimiter ?? ',';
}

/** Finds the line break used by the text: the first one outside quotes. */
export function detectNewline(sample: string): Newline {
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const char = sample[i];
    if (char === '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes && char === '\r') {
      return sample[i + 1] === '\n' ? '\r\n' : '\r';
    } else if (!inQuotes && char === '\n') {
      return '\n';
    }
  }
  return '\n';
}

interface Consistency {
  fields: number;
  lines: number;
}

function measureConsistency(lines: readonly string[], delimiter: string): Consistency | null {
  const linesByFieldCount = new Map<number, number>();
  for (const line of lines) {
    const fields = countFields(line, delimiter);
    if (fields < 2) continue;
    linesByFieldCount.set(fields, (linesByFieldCount.get(fields) ?? 0) + 1);
  }

  let best: Consistency | null = null;
  for (const [fields, count] of linesByFieldCount) {
    if (!best || count > best.lines || (count === best.lines && fields > best.fields)) {
      best = { fields, lines: count };
    }
  }
  return best;
}

function isClearSpaceTable(consistency: Consistency, lineCount: number): boolean {
  return consistency.fields >= 3 && consistency.lines >= Math.ceil(lineCount * 0.9);
}

function countFields(line: string, delimiter: string): number {
  let fields = 1;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes && char === delimiter) {
      fields++;
    }
  }
  return fields;
}

function maskDecimalCommaNumbers(line: string): string {
  return line.replace(DECIMAL_COMMA_EXPONENT, (match) => match.replace(',', '.'));
}
