/** Codes of the failures that stop an import: nothing usable can be read. */
export type ImportErrorCode =
  | 'file-empty'
  | 'file-binary'
  | 'no-data-rows'
  | 'format-unsupported'
  | 'workbook-unreadable'
  | 'workbook-encrypted'
  | 'sheet-not-found'
  | 'encoding-unknown'
  | 'encoding-inconsistent'
  | 'header-row-out-of-range'
  | 'mapping-column-not-found'
  | 'unterminated-quote';

/**
 * Failure that stops an import. `params` fill the message templates of the
 * catalogue (`importMessages`) so that a host can show it in the user's language.
 */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(
    code: ImportErrorCode,
    message: string,
    params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.params = params;
  }
}

/** Throws the standard `AbortError` when the caller's signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : abortError();
  }
}

function abortError(): Error {
  const error = new Error('The import was cancelled.');
  error.name = 'AbortError';
  return error;
}
