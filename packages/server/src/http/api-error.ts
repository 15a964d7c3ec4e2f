import type { MessageLanguage } from '@sras/engine';

/**
 * Stable error codes of the HTTP API. Clients branch on the code; the message
 * is for people and may change.
 */
export type ErrorCode =
  | 'token-missing'
  | 'token-invalid'
  | 'token-expired'
  | 'forbidden'
  | 'not-found'
  | 'route-not-found'
  | 'validation-failed'
  | 'invalid-json'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'too-many-leads'
  | 'if-match-required'
  | 'revision-conflict'
  | 'flow-has-errors'
  | 'flow-not-published'
  | 'idempotency-key-reused'
  | 'version-document-missing'
  | 'workspace-exists'
  | 'rate-limited'
  | 'internal-error';

/** The message and extra fields of an error in one language. */
export interface ErrorText {
  message: string;
  details?: Record<string, unknown>;
}

/** Words an error in a language; see {@link localizedError}. */
export type ErrorWording = (language: MessageLanguage) => ErrorText;

/**
 * An expected failure of a request, sent as `{ error: { code, message,
 * ...details } }` in the language the request prefers. `message` and
 * `details` are the English wording, for logs and tests.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  /** Extra fields of the English error object, such as validation issues or the server's copy. */
  readonly details: Record<string, unknown>;

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    private readonly wording: ErrorWording,
  ) {
    const english = wording('en');
    super(english.message);
    this.details = english.details ?? {};
  }

  /** The error object in `language`. */
  toBody(language: MessageLanguage = 'en'): { error: Record<string, unknown> } {
    const text =
      language === 'en' ? { message: this.message, details: this.details } : this.wording(language);
    return { error: { code: this.code, message: text.message, ...text.details } };
  }
}

/** An {@link ApiError} whose message and details are worded per language by `wording`. */
export function localizedError(
  statusCode: number,
  code: ErrorCode,
  wording: ErrorWording,
): ApiError {
  return new ApiError(statusCode, code, wording);
}
