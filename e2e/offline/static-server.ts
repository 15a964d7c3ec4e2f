import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A folder served on loopback the way the sras server serves the build. */
export interface E2eStaticServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves `root` on a free loopback port: files as they are (sw.js and
 * index.html with `Cache-Control: no-cache`), other paths without a file
 * extension with index.html, as client routes.
 */
export async function startStaticServer(root: string): Promise<E2eStaticServer> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const filePath = path.join(root, pathname);
    const isFile =
      filePath.startsWith(root) && fs.existsSync(filePath) && fs.statSync(filePath).isFile();
    const served = isFile
      ? filePath
      : path.extname(pathname)
        ? null
        : path.join(root, 'index.html');
    if (!served) {
      response.writeHead(404).end();
      return;
    }

    const cacheControl = served.includes(`${path.sep}assets${path.sep}`)
      ? 'max-age=31536000'
      : 'no-cache';
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream',
      'cache-control': cacheControl,
    });
    response.end(fs.readFileSync(served));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
