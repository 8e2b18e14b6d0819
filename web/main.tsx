// Aksel's styles without its font file (which loads from NAV's CDN, outside our CSP): the same
// Source Sans 3 is served from this origin instead, Latin only (æ, ø and å included).
import '@fontsource/source-sans-3/latin-400.css';
import '@fontsource/source-sans-3/latin-600.css';
import '@fontsource/source-sans-3/latin-700.css';
import '@navikt/ds-css/dist/global/reset.css';
import '@navikt/ds-css/dist/global/tokens.css';
import '@navikt/ds-css/dist/global/baseline.css';
import '@navikt/ds-css/dist/global/print.css';
// The first screen's components only; a lazy module imports the CSS of the Aksel components it
// adds (a modal, the date picker, …) itself, so that CSS arrives with its code.
import '@navikt/ds-css/dist/component/typography.css';
import '@navikt/ds-css/dist/component/primitives.css';
import '@navikt/ds-css/dist/component/button.css';
import '@navikt/ds-css/dist/component/loader.css';
import '@navikt/ds-css/dist/component/form.css';
import '@navikt/ds-css/dist/component/link.css';
import '@navikt/ds-css/dist/component/alert.css';
import '@navikt/ds-css/dist/component/tag.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/index.ts';
import { markNavigation } from './lib/api-client.ts';
import { prefetchFirstScreen } from './lib/queries.ts';
import { createQueryClient } from './lib/query-client.ts';

// The catalogues and the data of the first screen load while React starts, side by side.
void initI18n();
const queryClient = createQueryClient();
markNavigation();
prefetchFirstScreen(queryClient);
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
