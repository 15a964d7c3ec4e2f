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
 * ...details } }`. `message` is English; an error made with
 * {@link localizedError} is sent in the request's language.
 */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** Extra fields of the error object, such as validation issues or the server's copy. */
    readonly details: Record<string, unknown> = {},
    private readonly wording?: ErrorWording,
  ) {
    super(message);
  }

  /** Whether the error has a message in every language, not only English. */
  get localized(): boolean {
    return this.wording !== undefined;
  }

  /** The error object in `language` (English when the error has no other wording). */
  toBody(language: MessageLanguage = 'en'): { error: Record<string, unknown> } {
    const text =
      this.wording === undefined || language === 'en'
        ? { message: this.message, details: this.details }
        : this.wording(language);
    return { error: { code: this.code, message: text.message, ...text.details } };
  }
}

/** An {@link ApiError} whose message and details are worded per language by `wording`. */
export function localizedError(
  statusCode: number,
  code: ErrorCode,
  wording: ErrorWording,
): ApiError {
  const english = wording('en');
  return new ApiError(statusCode, code, english.message, english.details ?? {}, wording);
}

export const notFound = (what: string): ApiError =>
  new ApiError(404, 'not-found', `${what} was not found in this workspace.`);
