import type { FastifyRequest } from 'fastify';
import { apiError } from './api-messages.js';

/**
 * Reads the revision of an `If-Match` header: `3`, `"3"` and `W/"3"` all
 * mean revision 3. Returns undefined without the header.
 */
export function readIfMatch(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;

  const text = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(text);
  if (!match?.[1]) {
    throw apiError(400, 'validation-failed', 'ifMatchInvalid', { value: text }, (message) => ({
      issues: [{ path: 'If-Match', code: 'invalid_format', message }],
    }));
  }
  return Number(match[1]);
}

/** The ETag of a revision. */
export const revisionTag = (revision: number): string => `"${revision}"`;
