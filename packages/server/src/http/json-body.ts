import { findJsonSyntaxError, lineAndColumnAt } from '@sras/engine';
import type { FastifyInstance } from 'fastify';
import { localizedError, type ApiError } from './api-error.js';
import { requestMessage } from './request-messages.js';

/**
 * Parses request bodies as JSON only. Fastify's own parser keeps its guard
 * against `__proto__` and `constructor` keys, but its error for bad JSON
 * does not say where the fault is, so a failed body is parsed again with
 * JSON.parse to name the line and column. Plain-text bodies are not parsed,
 * so a JSON body sent as `text/plain` gets the 415 that names the header to set.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const defaultParser = app.getDefaultJsonParser('error', 'error');

  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // With `parseAs: 'string'` Fastify always passes text.
    const text = body as string;
    defaultParser(request, text, (error, value) => {
      if (error === null || text.length === 0) {
        done(error, value);
        return;
      }
      done(describeJsonError(text) ?? error, undefined);
    });
  });
}

/**
 * Returns a 400 naming the line and column where `text` stops being JSON,
 * in the request's language, or null when JSON.parse accepts it.
 * JSON.parse's own reason (English) goes along as `reason`. When the reason
 * names no position, as Node 20's does for an unexpected token or an early
 * end, the text is scanned for it.
 */
export function describeJsonError(text: string): ApiError | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const named = /at position (\d+)/.exec(reason)?.[1];
    const position = named === undefined ? findJsonSyntaxError(text) : Number(named);
    const where = position === null ? null : lineAndColumnAt(text, position);
    return localizedError(400, 'invalid-json', (language) => ({
      message:
        where === null
          ? requestMessage(language, 'invalidJson')
          : requestMessage(language, 'invalidJsonAt', where),
      details: { reason, ...(where ?? {}) },
    }));
  }
}
