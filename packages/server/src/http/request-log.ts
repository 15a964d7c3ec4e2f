import type { FastifyInstance } from 'fastify';

/**
 * Logs one line per completed request, at info level: method, URL, status,
 * time in milliseconds, and the request id that Fastify binds to every line
 * of the request (from the `x-request-id` header when the caller sends one).
 *
 * It replaces Fastify's own request logging (start with `disableRequestLogging`),
 * which writes two lines per request and serialises the request and reply
 * objects with the remote address and port: about half the logging cost of
 * an allocation that takes well under a millisecond. Failed requests (5xx)
 * also get the error handler's line with the stack.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request completed',
    );
    done();
  });
}
