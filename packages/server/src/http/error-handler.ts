import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, localizedError } from './api-error.js';
import { requestLanguage } from './request-language.js';
import { requestMessage, type RequestMessageKey } from './request-messages.js';

/**
 * Sends every error as `{ error: { code, message } }`: API errors as they
 * are, Fastify's own errors (bad JSON, body too large, wrong content type)
 * with a stable code, and anything else as a 500 that is logged. Errors
 * worded in several languages are sent in the one the request's
 * `Accept-Language` prefers (see `requestLanguage`), with `Content-Language`.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const apiError = error instanceof ApiError ? error : translateFastifyError(error);
    if (apiError.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
    }
    if (!apiError.localized) return reply.status(apiError.statusCode).send(apiError.toBody());

    const language = requestLanguage(request.headers['accept-language']);
    const vary = reply.getHeader('vary');
    return reply
      .status(apiError.statusCode)
      .header('content-language', language)
      .header('vary', vary === undefined ? 'Accept-Language' : `${String(vary)}, Accept-Language`)
      .send(apiError.toBody(language));
  });
}

function translateFastifyError(error: FastifyError): ApiError {
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
  if (error.validation) {
    return new ApiError(400, 'validation-failed', `The request is invalid: ${error.message}`);
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError(error.statusCode, 'validation-failed', error.message);
  }
  return new ApiError(
    500,
    'internal-error',
    'The server failed to handle the request; the error is in its log.',
  );
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
