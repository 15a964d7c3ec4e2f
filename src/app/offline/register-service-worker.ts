/**
 * Registers /sw.js so that the app opens without a network after the first
 * visit, and offers each new build through the update store. Registration
 * waits for the page's `load` event so that it never delays the first paint,
 * and happens only in production builds served over http(s).
 */
import { useAppUpdateStore } from './app-update.store';

/** How often a page that stays open asks the server for a new build. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Whether this page may register the worker. */
export function canRegisterServiceWorker(location: Location, navigator: Navigator): boolean {
  const httpPage = location.protocol === 'http:' || location.protocol === 'https:';
  return httpPage && 'serviceWorker' in navigator;
}

/** Registers the worker after the page has loaded; call once at start in production builds. */
export function registerServiceWorker(scriptUrl = `${import.meta.env.BASE_URL}sw.js`): void {
  if (!canRegisterServiceWorker(window.location, window.navigator)) return;

  const start = () => void registerWorker(scriptUrl);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

/** Registers the worker now and wires its updates to the update store; never rejects. */
export async function registerWorker(scriptUrl: string): Promise<void> {
  const container = navigator.serviceWorker;
  // A page that had no worker gets one on the first visit; that takeover is
  // no update and must not show the notice.
  const hadController = container.controller !== null;

  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await container.register(scriptUrl);
  } catch (error) {
    // The app works without the worker, only not offline on a reload.
    console.warn(
      'The service worker could not be registered; the app will not open offline.',
      error,
    );
    return;
  }
  // A browser that blocks workers, such as Playwright's by default, resolves
  // without a registration instead of rejecting.
  if (!registration) return;

  if (registration.waiting && hadController)
    useAppUpdateStore.getState().offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && container.controller) {
        useAppUpdateStore.getState().offer(installing);
      }
    });
  });

  container.addEventListener('controllerchange', () => {
    if (!hadController && !useAppUpdateStore.getState().available) return;
    if (useAppUpdateStore.getState().applying) {
      window.location.reload();
      return;
    }
    // Another tab activated the new build: this page still runs the old one.
    useAppUpdateStore.getState().offer(null);
  });

  window.setInterval(
    () => void registration.update().catch(() => undefined),
    UPDATE_CHECK_INTERVAL_MS,
  );
}
