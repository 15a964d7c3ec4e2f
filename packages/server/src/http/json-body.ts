import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.js';

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

/** Returns a 400 naming where `text` stops being JSON, or null when JSON.parse accepts it. */
export function describeJsonError(text: string): ApiError | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason)?.[1];
    const where = position === undefined ? '' : ` (${lineAndColumn(text, Number(position))})`;
    return new ApiError(
      400,
      'invalid-json',
      `The body is not valid JSON${where}: ${reason}. Check the quotes, commas and brackets there.`,
    );
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
