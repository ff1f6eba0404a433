import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Link } from 'react-router';
import { App } from './App';
import { guardDsfrNavigationOnceLoaded } from './layout/dsfr-navigation';
import { registerServiceWorker } from './venue/offline/service-worker';

startReactDsfr({ defaultColorScheme: 'system', Link });
void guardDsfrNavigationOnceLoaded();
registerServiceWorker();

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render the application into.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
