/**
 * The app's service worker, built to /sw.js by the service-worker plugin,
 * which puts the build's manifest in `self.__SRAS_PRECACHE__` before this
 * code. It stores every file of its build on install, so that the app opens
 * without a network after the first visit; it never answers API requests or
 * other origins. A new build's worker waits until the page asks it to take
 * over (the app's update notice), so a running page never mixes builds.
 */
import type { PrecacheManifest } from './precache-manifest';
import { SKIP_WAITING_MESSAGE, cacheNameFor, routeFetch, staleCaches } from './sw-routing';

// The DOM and WebWorker type libraries cannot be loaded together, so the
// few service worker types this file uses are declared here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
}
interface ServiceWorkerScope {
  __SRAS_PRECACHE__?: PrecacheManifest;
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

/** Timeout after which a page load without a network response is served from the cache. */
const NAVIGATION_TIMEOUT_MS = 4_000;

const scope = self as unknown as ServiceWorkerScope;
const manifest = scope.__SRAS_PRECACHE__;
if (!manifest) throw new Error('sw.js was built without its precache manifest.');

const cacheName = cacheNameFor(manifest.buildId);
const scopeUrl = scope.registration.scope;
const indexUrl = new URL('index.html', scopeUrl).href;
const precached = new Set(manifest.urls.map((url) => new URL(url, scopeUrl).href));

scope.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(deleteStaleCaches().then(() => scope.clients.claim()));
});

scope.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING_MESSAGE) void scope.skipWaiting();
});

scope.addEventListener('fetch', (event) => {
  const route = routeFetch(event.request, scopeUrl, precached);
  if (route === 'navigation') event.respondWith(networkFirstNavigation(event.request));
  if (route === 'precached') event.respondWith(cacheFirst(event.request));
});

/**
 * Stores every file of the build. `cache: 'reload'` skips the HTTP cache,
 * so index.html and other unhashed files come from this build, not an older
 * one. One failed file fails the install: a half-stored build would break
 * offline later, when nobody can fix it.
 */
async function precache(): Promise<void> {
  const cache = await caches.open(cacheName);
  await cache.addAll([...precached].map((url) => new Request(url, { cache: 'reload' })));
}

async function deleteStaleCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(staleCaches(names, manifest!.buildId).map((name) => caches.delete(name)));
}

/**
 * Loads the page from the network so that a server's answer wins (e.g. a
 * newer index.html); falls back to this build's index.html when the network
 * fails or takes longer than NAVIGATION_TIMEOUT_MS.
 */
async function networkFirstNavigation(request: Request): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('navigation timed out')), NAVIGATION_TIMEOUT_MS);
  });

  try {
    return await Promise.race([fetch(request), timeout]);
  } catch (error) {
    const cached = await caches.match(indexUrl, { cacheName });
    if (cached) return cached;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Answers a file of this build from the cache, from the network when it is missing there. */
async function cacheFirst(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const cached = await caches.match(`${url.origin}${url.pathname}`, { cacheName });
  return cached ?? fetch(request);
}
