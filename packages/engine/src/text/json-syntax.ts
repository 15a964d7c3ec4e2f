/**
 * Finds where a text stops being JSON (RFC 8259, the grammar JSON.parse
 * accepts): the UTF-16 offset of the first character that no valid JSON
 * text can have there, `text.length` when the text ends too early, or null
 * when the text is valid JSON.
 *
 * Node 20's JSON.parse names the position for most faults but not for an
 * unexpected token (`{"lead": }`) or an early end, and its message is
 * English, so hosts scan the text themselves to name the place in their
 * user's language. The scan keeps its own stack instead of recursing, so a
 * deeply nested text cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): number | null {
  return new JsonScanner(text).findError();
}

/** Returns the 1-based line and column of a UTF-16 offset in a text, where lines end at line feeds. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/** Characters JSON allows between tokens: space, tab, line feed, carriage return. */
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Characters that may follow a backslash in a JSON string, besides `u`. */
const SIMPLE_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

class JsonScanner {
  /** Offset of the next character to read, or of the fault once a step returns false. */
  private position = 0;
  /** The open arrays and objects, innermost last. */
  private readonly open: ('[' | '{')[] = [];

  constructor(private readonly text: string) {}

  findError(): number | null {
    this.skipWhitespace();
    for (;;) {
      const step = this.scanValueStart();
      if (step === 'invalid') return this.position;
      if (step === 'opened') continue;
      if (!this.scanValueEnd()) return this.position;
      if (this.open.length === 0) return null;
    }
  }

  /**
   * Reads a whole value, or only the opening bracket (and first key) of a
   * non-empty array or object, whose members the next turns of the loop read.
   */
  private scanValueStart(): 'value' | 'opened' | 'invalid' {
    const char = this.text[this.position];
    if (char === '{') return this.openContainer('{', '}');
    if (char === '[') return this.openContainer('[', ']');

    let valid = false;
    if (char === '"') valid = this.scanString();
    else if (char === '-' || isDigit(char)) valid = this.scanNumber();
    else if (char === 't') valid = this.scanWord('true');
    else if (char === 'f') valid = this.scanWord('false');
    else if (char === 'n') valid = this.scanWord('null');
    return valid ? 'value' : 'invalid';
  }

  /**
   * After a value: closes the arrays and objects that end here, then reads
   * the comma (and the next key) before the next member. Succeeds with no
   * open container only at the end of the text.
   */
  private scanValueEnd(): boolean {
    for (;;) {
      this.skipWhitespace();
      const container = this.open.at(-1);
      if (container === undefined) return this.position === this.text.length;

      const char = this.text[this.position];
      if (char === (container === '{' ? '}' : ']')) {
        this.open.pop();
        this.position += 1;
        continue;
      }
      if (char !== ',') return false;

      this.position += 1;
      this.skipWhitespace();
      return container === '{' ? this.scanKey() : true;
    }
  }

  /** Reads `{` or `[`; for an object also its first key, unless it is empty. */
  private openContainer(opening: '[' | '{', closing: ']' | '}'): 'value' | 'opened' | 'invalid' {
    this.position += 1;
    this.skipWhitespace();
    if (this.text[this.position] === closing) {
      this.position += 1;
      return 'value';
    }

    this.open.push(opening);
    if (opening === '{' && !this.scanKey()) return 'invalid';
    return 'opened';
  }

  /** Reads `"key" :` and the whitespace before the value. */
  private scanKey(): boolean {
    if (this.text[this.position] !== '"' || !this.scanString()) return false;

    this.skipWhitespace();
    if (this.text[this.position] !== ':') return false;
    this.position += 1;
    this.skipWhitespace();
    return true;
  }

  private scanString(): boolean {
    this.position += 1;
    for (;;) {
      if (this.position >= this.text.length) return false;
      const char = this.text[this.position] as string;
      if (char.charCodeAt(0) < 0x20) return false;
      this.position += 1;
      if (char === '"') return true;
      if (char === '\\' && !this.scanEscape()) return false;
    }
  }

  /** Reads what follows a backslash: one escape character, or `u` and four hex digits. */
  private scanEscape(): boolean {
    const char = this.text[this.position];
    if (char !== undefined && SIMPLE_ESCAPES.has(char)) {
      this.position += 1;
      return true;
    }
    if (char !== 'u') return false;

    this.position += 1;
    for (let digit = 0; digit < 4; digit++) {
      if (!/^[0-9a-fA-F]$/.test(this.text[this.position] ?? '')) return false;
      this.position += 1;
    }
    return true;
  }

  /** Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. */
  private scanNumber(): boolean {
    if (this.text[this.position] === '-') this.position += 1;
    if (this.text[this.position] === '0') this.position += 1;
    else if (!this.scanDigits()) return false;

    if (this.text[this.position] === '.') {
      this.position += 1;
      if (!this.scanDigits()) return false;
    }

    const exponent = this.text[this.position];
    if (exponent === 'e' || exponent === 'E') {
      this.position += 1;
      const sign = this.text[this.position];
      if (sign === '+' || sign === '-') this.position += 1;
      if (!this.scanDigits()) return false;
    }
    return true;
  }

  /** Reads one or more digits. */
  private scanDigits(): boolean {
    const start = this.position;
    while (isDigit(this.text[this.position])) this.position += 1;
    return this.position > start;
  }

  private scanWord(word: string): boolean {
    for (const expected of word) {
      if (this.text[this.position] !== expected) return false;
      this.position += 1;
    }
    return true;
  }

  private skipWhitespace(): void {
    while (WHITESPACE.has(this.text[this.position] ?? '')) this.position += 1;
  }
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
