import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';

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
    throw new ApiError(
      400,
      'validation-failed',
      `The If-Match header must hold a revision number such as "3"; got "${text}".`,
    );
  }
  return Number(match[1]);
}

/** The ETag of a revision. */
export const revisionTag = (revision: number): string => `"${revision}"`;
