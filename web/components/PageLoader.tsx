import { Loader } from '@navikt/ds-react';

/** Shown while a page or its texts load; the title is for screen readers (no catalogue yet, so it is neutral). */
export function PageLoader() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '3rem' }}>
      <Loader size="xlarge" title="…" />
    </div>
  );
}
