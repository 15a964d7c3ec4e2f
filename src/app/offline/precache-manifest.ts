/**
 * Precache list of the service worker: every file of a build except the
 * worker itself, source maps and hidden files. The functions have no side
 * effects, so that the build plugin and its tests share them.
 */

/** The service worker's file name at the root of the build. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** Manifest that the build passes to the worker: the files to precache and an id that changes with any of them. */
export interface PrecacheManifest {
  /** Hash of every file's name and content, which also names the worker's cache. */
  buildId: string;
  /** URL paths below the app's base, index.html first, e.g. `/assets/index-abc.js`. */
  urls: string[];
}

/** Checks whether a build output file belongs in the precache. */
export function isPrecached(fileName: string): boolean {
  const name = fileName.split('/').pop() ?? fileName;
  if (fileName === SERVICE_WORKER_FILE) return false;
  if (name.startsWith('.')) return false;
  if (name.endsWith('.map')) return false;
  return true;
}

/**
 * Turns build output file names (relative to the output folder, with `/`)
 * into the URLs the worker caches: `base` prepended, duplicates removed,
 * sorted with index.html first so that the app shell is stored before the
 * rest.
 */
export function precacheUrls(fileNames: Iterable<string>, base = '/'): string[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const files = [...new Set(fileNames)].filter(isPrecached).sort();
  const ordered = files.includes('index.html')
    ? ['index.html', ...files.filter((fileName) => fileName !== 'index.html')]
    : files;

  return ordered.map((fileName) => `${prefix}${fileName}`);
}
