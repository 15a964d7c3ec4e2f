import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './api-error.js';

/**
 * Sends every error as `{ error: { code, message } }`: API errors as they
 * are, Fastify's own errors (bad JSON, body too large, wrong content type)
 * with a stable code, and anything else as a 500 that is logged.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const apiError = error instanceof ApiError ? error : translateFastifyError(error);
    if (apiError.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
    }
    return reply.status(apiError.statusCode).send(apiError.toBody());
  });
}

function translateFastifyError(error: FastifyError): ApiError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        413,
        'body-too-large',
        'The request body is larger than this server accepts. Send less data per request.',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(
        415,
        'unsupported-media-type',
        'Send the body as JSON with "Content-Type: application/json".',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'invalid-json', 'The body is empty; send a JSON body.');
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new ApiError(400, 'invalid-json', `The body is not valid JSON: ${error.message}`);
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
