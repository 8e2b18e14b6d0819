import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { SessionView } from '#common/schemas/session.ts';
import { api, onPersonActivity } from '#web/lib/api-client.ts';
import { keys } from '#web/lib/queries.ts';

// The dialog's code loads only when it is about to show.
const SessionModal = lazy(() => import('./SessionModal.tsx'));

/** The warning shows this long before the idle timeout ends the session. */
export const WARN_BEFORE_MS = 2 * 60_000;

/**
 * Warns before the idle timeout logs the person out and lets them stay. Every request the person
 * makes renews the timeout on the server; polling does not (it is marked background).
 */
export function SessionWarning({ session }: { session: SessionView }) {
  const client = useQueryClient();
  const [expiresAt, setExpiresAt] = useState(() => Date.parse(session.idleExpiresAt ?? ''));
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => onPersonActivity(() => setExpiresAt(Date.now() + session.idleMinutes * 60_000)), [session.idleMinutes]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);

  const remainingMs = expiresAt - now;
  const expired = remainingMs <= 0;
  const open = remainingMs < WARN_BEFORE_MS;

  async function stay() {
    const renewed = await api.post<SessionView>('/api/session/keepalive');
    client.setQueryData(keys.session, renewed);
    // Reckoned on this browser's clock from now, so a clock that differs from the server's does not matter.
    setExpiresAt(Date.now() + renewed.idleMinutes * 60_000);
  }

  if (!open) {
    return null;
  }
  return (
    <Suspense fallback={null}>
      <SessionModal expired={expired} remainingMinutes={Math.max(1, Math.ceil(remainingMs / 60_000))} onStay={() => void stay()} />
    </Suspense>
  );
}
