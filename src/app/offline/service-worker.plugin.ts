/**
 * Vite plugin that builds the app's service worker to `/sw.js` with the
 * list of the build's files and a build id (a hash of every file's name and
 * content). It runs in `vite build` only: the dev server has no worker.
 * `vite preview` serves sw.js with `Cache-Control: no-cache`, as the sras
 * server does, so that browsers see a new build at once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';
import { SERVICE_WORKER_FILE, precacheUrls, type PrecacheManifest } from './precache-manifest';

const WORKER_SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'service-worker.ts');

/** Lists the files below `dir` as paths relative to it with `/`, as Vite copies the public folder. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return listFiles(path.join(dir, entry.name), `${relative}/`);
    return entry.isFile() ? [relative] : [];
  });
}

/** Creates the plugin. Add it to `plugins` in vite.config.ts. */
export function serviceWorkerPlugin(): Plugin {
  let config: ResolvedConfig;
  let workerReferenceId = '';

  return {
    name: 'sras:service-worker',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      if (config.command !== 'build' || config.build.ssr) return;
      workerReferenceId = this.emitFile({
        type: 'chunk',
        id: WORKER_SOURCE,
        fileName: SERVICE_WORKER_FILE,
      });
    },
    // After Vite's own plugins, so that index.html is in the bundle.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (!workerReferenceId) return;
        const worker = bundle[SERVICE_WORKER_FILE];
        if (!worker || worker.type !== 'chunk')
          throw new Error(
            `The service worker chunk ${SERVICE_WORKER_FILE} is missing from the bundle. Check that no other plugin removes or renames it.`,
          );

        const hash = createHash('sha256');
        const files: string[] = [];
        for (const output of Object.values(bundle)) {
          if (output.fileName === SERVICE_WORKER_FILE) continue;
          files.push(output.fileName);
          hash
            .update(output.fileName)
            .update(output.type === 'chunk' ? output.code : output.source);
        }
        const publicDir = config.publicDir;
        for (const fileName of listFiles(publicDir)) {
          if (bundle[fileName]) continue;
          files.push(fileName);
          hash.update(fileName).update(fs.readFileSync(path.join(publicDir, fileName)));
        }

        const manifest: PrecacheManifest = {
          buildId: hash.digest('hex').slice(0, 16),
          urls: precacheUrls(files, config.base),
        };
        worker.code = `self.__SRAS_PRECACHE__ = ${JSON.stringify(manifest)};\n${worker.code}`;
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] === `/${SERVICE_WORKER_FILE}`) {
          response.setHeader('Cache-Control', 'no-cache');
        }
        next();
      });
    },
  };
}
