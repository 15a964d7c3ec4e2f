import { ImportError } from './import.error.js';

/** Encodings the importer decodes. GBK and GB2312 files are read as GB18030, their superset. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Why an encoding was used: a byte order mark, the caller's choice, the bytes
 * being valid UTF-8, or the bytes not being valid UTF-8 (then GB18030).
 */
export type EncodingReason = 'bom' | 'forced' | 'valid-utf-8' | 'invalid-utf-8';

/** The encoding a text file was decoded with, and why. */
export interface EncodingInfo {
  encoding: TextEncodingName;
  reason: EncodingReason;
  /** The caller's forced encoding when a byte order mark overrode it. */
  overriddenEncoding?: TextEncodingName;
}

const ENCODING_ALIASES: Readonly<Record<string, TextEncodingName>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
};

/** Non-ASCII bytes gathered before choosing between UTF-8 and GB18030. */
const PROBE_BYTES = 4096;

/** Resolves a user-supplied encoding label, or throws `encoding-unknown`. */
export function resolveEncodingName(label: string): TextEncodingName {
  const name = ENCODING_ALIASES[label.trim().toLowerCase()];
  if (!name) {
    throw new ImportError(
      'encoding-unknown',
      `Unknown encoding "${label}". Use utf-8, gb18030 (also for GBK), utf-16le or utf-16be.`,
      { encoding: label },
    );
  }
  return name;
}

/**
 * Decodes a byte stream chunk by chunk. A byte order mark decides the
 * encoding, even over the caller's forced one. Without a mark the forced
 * encoding is used, else the bytes are read as strict UTF-8 and, when they are
 * not valid UTF-8, as GB18030 (what Excel on Chinese Windows writes). ASCII
 * text is passed through until the first non-ASCII bytes, and the choice is
 * made on up to 4 KiB of them, so a long English prefix does not hide a GBK body.
 */
export class StreamingTextDecoder {
  private readonly forced: TextEncodingName | undefined;
  private decoder: TextDecoder | null = null;
  private info: EncodingInfo | null = null;
  private pending: Uint8Array = new Uint8Array(0);
  private bomChecked = false;
  private bytesDecoded = 0;

  constructor(forced?: TextEncodingName) {
    this.forced = forced;
  }

  /** The encoding in use, or null while it is still undecided. */
  get encoding(): EncodingInfo | null {
    return this.info;
  }

  /** Decodes the next chunk; `final` flushes everything held back. */
  decode(chunk: Uint8Array, final = false): string {
    const bytes = this.pending.length > 0 ? concatBytes(this.pending, chunk) : chunk;
    this.pending = new Uint8Array(0);

    if (!this.bomChecked) {
      if (bytes.length < 3 && !final) {
        this.pending = bytes;
        return '';
      }
      this.bomChecked = true;
      const bomLength = this.chooseFromBom(bytes);
      return this.decodeKnown(bytes.subarray(bomLength), final);
    }
    return this.decodeKnown(bytes, final);
  }

  private chooseFromBom(bytes: Uint8Array): number {
    const bom = detectBom(bytes);
    if (bom) {
      this.lock({
        encoding: bom.encoding,
        reason: 'bom',
        ...(this.forced && this.forced !== bom.encoding ? { overriddenEncoding: this.forced } : {}),
      });
      return bom.length;
    }
    if (this.forced) {
      this.lock({ encoding: this.forced, reason: 'forced' });
    }
    return 0;
  }

  private decodeKnown(bytes: Uint8Array, final: boolean): string {
    if (this.decoder) {
      return this.decodeLocked(bytes, final);
    }

    const firstNonAscii = indexOfNonAscii(bytes);
    if (firstNonAscii === -1) {
      this.bytesDecoded += bytes.length;
      const text = asciiText(bytes);
      if (final) {
        this.lock({ encoding: 'utf-8', reason: 'valid-utf-8' });
      }
      return text;
    }

    const asciiPart = asciiText(bytes.subarray(0, firstNonAscii));
    const rest = bytes.subarray(firstNonAscii);
    if (rest.length < PROBE_BYTES && !final) {
      this.bytesDecoded += firstNonAscii;
      this.pending = rest.slice();
      return asciiPart;
    }

    this.bytesDecoded += firstNonAscii;
    const isUtf8 = isValidUtf8(rest, final);
    this.lock({
      encoding: isUtf8 ? 'utf-8' : 'gb18030',
      reason: isUtf8 ? 'valid-utf-8' : 'invalid-utf-8',
    });
    return asciiPart + this.decodeLocked(rest, final);
  }

  private decodeLocked(bytes: Uint8Array, final: boolean): string {
    const decoder = this.decoder as TextDecoder;
    try {
      const text = decoder.decode(bytes, { stream: !final });
      this.bytesDecoded += bytes.length;
      return text;
    } catch {
      throw new ImportError(
        'encoding-inconsistent',
        `The file is not valid UTF-8 after byte ${this.bytesDecoded} although it started as UTF-8. ` +
          'It mixes encodings: save it again as "CSV UTF-8", or choose the encoding by hand.',
        { byteOffset: this.bytesDecoded },
      );
    }
  }

  private lock(info: EncodingInfo): void {
    this.info = info;
    // Only detected UTF-8 is decoded strictly: a forced or GB18030 decoding
    // replaces bad bytes the way every spreadsheet program does.
    const fatal = info.encoding === 'utf-8' && info.reason === 'valid-utf-8';
    this.decoder = new TextDecoder(info.encoding, { fatal, ignoreBOM: true });
  }
}

/** Decodes a whole file at once with the rules of `StreamingTextDecoder`. */
export function decodeText(
  bytes: Uint8Array,
  forced?: TextEncodingName,
): { text: string; encoding: EncodingInfo } {
  const decoder = new StreamingTextDecoder(forced);
  const text = decoder.decode(bytes, true);
  return { text, encoding: decoder.encoding as EncodingInfo };
}

function detectBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', length: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', length: 2 };
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array, final: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

function indexOfNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) >= 0x80) return i;
  }
  return -1;
}

const asciiDecoder = new TextDecoder('utf-8');

function asciiText(bytes: Uint8Array): string {
  return bytes.length === 0 ? '' : asciiDecoder.decode(bytes);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
