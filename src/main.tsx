import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/offline/register-service-worker';
import { initI18n } from './i18n/i18n';
import { upgradeStorageOffThread } from './storage/storage-upgrade';

const i18n = initI18n();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

/** Renders the app, after upgrading an older database in a worker so that moving its run states does not block this page. */
async function start(root: HTMLElement): Promise<void> {
  await upgradeStorageOffThread({
    onStart: () => {
      root.textContent = i18n.t('common:storageUpgrade');
    },
  });

  const reactRoot = createRoot(root);
  // A transition lets React split the first render of a screen full of user
  // data into short slices instead of one long task.
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

void start(container);

// The dev server has no service worker: it would cache modules Vite reloads.
if (import.meta.env.PROD) registerServiceWorker();
