import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/offline/register-service-worker';
import { initI18n } from './i18n/i18n';

initI18n();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = createRoot(container);
// A transition lets React split the first render of a screen full of user
// data into short slices instead of one long task.
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});

// The dev server has no service worker: it would cache modules Vite reloads.
if (import.meta.env.PROD) registerServiceWorker();
