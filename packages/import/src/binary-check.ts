import { ImportError } from './import.error.js';
import type { TextEncodingName } from './text-decoder.js';

/** Leading bytes judged; a text spreadsheet has no binary bytes anywhere near its start. */
const INSPECTED_BYTES = 8192;

/** Share of control bytes above which the bytes are not text. */
const MAX_CONTROL_SHARE = 0.05;

/**
 * Rejects bytes that are not text, such as a program or an image renamed
 * `.csv`: a NUL byte, or more than 5 % control bytes other than tab, line
 * feed, carriage return and form feed, in the first 8 KiB. UTF-8 and GB18030
 * never use bytes below 0x20 inside a character, so the test holds for both.
 * UTF-16 text (a byte order mark, or forced by the caller) is skipped,
 * because every ASCII character there has a NUL byte.
 */
export class BinaryContentCheck {
  private inspected = 0;
  private controlBytes = 0;
  private skipped: boolean;
  private firstByte: number | null = null;

  constructor(forced?: TextEncodingName) {
    this.skipped = forced === 'utf-16le' || forced === 'utf-16be';
  }

  /** Looks at the next chunk of bytes; throws `file-binary` on a NUL byte. */
  inspect(chunk: Uint8Array): void {
    if (this.skipped || this.inspected >= INSPECTED_BYTES) return;
    if (this.inspected === 0 && this.firstByte === null && chunk.length === 1) {
      // Wait for the second byte, which may complete a UTF-16 byte order mark.
      this.firstByte = chunk[0] as number;
      return;
    }
    if (this.firstByte !== null) {
      const joined = new Uint8Array(chunk.length + 1);
      joined[0] = this.firstByte;
      joined.set(chunk, 1);
      this.firstByte = null;
      this.inspect(joined);
      return;
    }
    if (this.inspected === 0 && hasUtf16Bom(chunk)) {
      this.skipped = true;
      return;
    }

    const end = Math.min(chunk.length, INSPECTED_BYTES - this.inspected);
    for (let i = 0; i < end; i++) {
      const byte = chunk[i] as number;
      if (byte === 0) throw binaryError();
      if (isControlByte(byte)) this.controlBytes++;
    }
    this.inspected += end;
    if (this.inspected >= INSPECTED_BYTES) this.finish();
  }

  /** Judges the bytes seen so far; throws `file-binary` when too many are control bytes. */
  finish(): void {
    if (this.firstByte !== null) {
      const byte = this.firstByte;
      this.firstByte = null;
      if (byte === 0 || isControlByte(byte)) throw binaryError();
    }
    if (this.skipped || this.inspected === 0) return;
    if (this.controlBytes > this.inspected * MAX_CONTROL_SHARE) throw binaryError();
  }
}

function isControlByte(byte: number): boolean {
  if (byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d) return false;
  return byte < 0x20 || byte === 0x7f;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function binaryError(): ImportError {
  return new ImportError(
    'file-binary',
    'The file is not a text spreadsheet because it contains binary data. ' +
      'Export it from Excel as CSV or XLSX and import that file.',
  );
}
