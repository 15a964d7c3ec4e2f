import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, localizedError } from './api-error.js';
import { apiError } from './api-messages.js';
import { requestLanguage } from './request-language.js';
import { requestMessage, type RequestMessageKey } from './request-messages.js';

/**
 * Sends every error as `{ error: { code, message } }` in the language the
 * request's `Accept-Language` prefers (see `requestLanguage`), with
 * `Content-Language`: API errors as they are, Fastify's own errors (bad
 * JSON, body too large, wrong content type) with a stable code, and
 * anything else as a 500 that is logged with the request id it names.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const apiError = error instanceof ApiError ? error : translateFastifyError(error, request.id);
    if (apiError.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
    }

    const language = requestLanguage(request.headers['accept-language']);
    const vary = reply.getHeader('vary');
    return reply
      .status(apiError.statusCode)
      .header('content-language', language)
      .header('vary', vary === undefined ? 'Accept-Language' : `${String(vary)}, Accept-Language`)
      .send(apiError.toBody(language));
  });
}

function translateFastifyError(error: FastifyError, requestId: string): ApiError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return worded(413, 'body-too-large', 'bodyTooLarge');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return worded(415, 'unsupported-media-type', 'mediaType');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return worded(400, 'invalid-json', 'emptyBody');
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return worded(400, 'invalid-json', 'invalidJson');
  }
  // Fastify's own rejections (schema validation, a malformed URL) keep
  // their English reason inside the worded sentence.
  if (
    error.validation ||
    (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
  ) {
    const statusCode = error.validation ? 400 : (error.statusCode as number);
    return apiError(statusCode, 'validation-failed', 'requestRejected', {
      reason: error.message.replace(/\.$/, ''),
    });
  }
  return apiError(500, 'internal-error', 'internalError', { requestId }, () => ({ requestId }));
}

function worded(
  statusCode: number,
  code: 'body-too-large' | 'unsupported-media-type' | 'invalid-json',
  key: RequestMessageKey,
): ApiError {
  return localizedError(statusCode, code, (language) => ({
    message: requestMessage(language, key),
  }));
}
