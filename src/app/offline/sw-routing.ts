/**
 * Routing of each request in the service worker. Pure, so that tests can
 * check the routing without a browser.
 */

/**
 * - `navigation`: a page load inside the app; network first, the cached
 *   index.html when the network fails (the app routes on the client).
 * - `precached`: a file of this build; cache first.
 * - `network`: everything else (API calls, other origins, other methods);
 *   the worker does not answer, so the browser behaves as without it.
 */
export type FetchRoute = 'navigation' | 'precached' | 'network';

/** The parts of a `Request` the routing reads. */
export interface RoutedRequest {
  method: string;
  url: string;
  /** `Request.mode`; `navigate` for page loads. */
  mode: string;
}

/** API path prefix below the app's origin. The worker never handles these requests. */
export const API_PREFIX = '/api/';

/**
 * Chooses how to handle `request`. `scope` is the worker's registration
 * scope (e.g. `https://sras.example.com/`); `precached` contains the absolute
 * URLs of the build's files.
 */
export function routeFetch(
  request: RoutedRequest,
  scope: string,
  precached: ReadonlySet<string>,
): FetchRoute {
  if (request.method !== 'GET') return 'network';
  const url = new URL(request.url);
  const scopeUrl = new URL(scope);
  if (url.origin !== scopeUrl.origin) return 'network';
  if (url.pathname === '/api' || url.pathname.startsWith(API_PREFIX)) return 'network';
  if (!url.pathname.startsWith(scopeUrl.pathname)) return 'network';

  if (request.mode === 'navigate') return 'navigation';
  if (precached.has(`${url.origin}${url.pathname}`)) return 'precached';
  return 'network';
}

/** Name of the cache holding one build's files. */
export function cacheNameFor(buildId: string): string {
  return `${CACHE_PREFIX}${buildId}`;
}

/** Prefix of every cache this app's worker creates; others are left alone. */
export const CACHE_PREFIX = 'sras-app-';

/** Caches to delete once the worker of `buildId` activates: this app's caches of other builds. */
export function staleCaches(cacheNames: readonly string[], buildId: string): string[] {
  const current = cacheNameFor(buildId);
  return cacheNames.filter((name) => name.startsWith(CACHE_PREFIX) && name !== current);
}

/** Message the page posts to a waiting worker to make it take over. */
export const SKIP_WAITING_MESSAGE = 'sras:skip-waiting';
