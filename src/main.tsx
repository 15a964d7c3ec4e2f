import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/offline/register-service-worker';
import { initI18n } from './i18n/i18n';

initI18n();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The dev server has no service worker: it would cache modules Vite reloads.
if (import.meta.env.PROD) registerServiceWorker();
