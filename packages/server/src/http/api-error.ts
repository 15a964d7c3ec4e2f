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

/** An expected failure of a request, sent as `{ error: { code, message, ...details } }`. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** Extra fields of the error object, such as validation issues or the server's copy. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toBody(): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

export const notFound = (what: string): ApiError =>
  new ApiError(404, 'not-found', `${what} was not found in this workspace.`);
