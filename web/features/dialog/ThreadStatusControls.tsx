import { Alert, Checkbox, CheckboxGroup } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Thread } from '#common/schemas/dialog.ts';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import { keys } from '#web/lib/queries.ts';
import { useSetThreadStatus } from './dialog-api.ts';

type Flag = 'awaitingNav' | 'awaitingCitizen';

/**
 * NAV's two flags on a thread: "awaiting NAV" (unticking it marks the thread handled) and
 * "awaiting the citizen". Each change names the version read; if someone changed the thread
 * meanwhile, the thread is read again and the advisor is told, and nothing is overwritten.
 */
export function ThreadStatusControls({ thread, personId }: { thread: Thread; personId: string }) {
  const { t } = useTranslation(['dialog']);
  const client = useQueryClient();
  const save = useSetThreadStatus(personId, thread.id);
  // What the person just ticked shows at once; the server's answer then takes over.
  const [ticked, setTicked] = useState<Flag[] | null>(null);
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const staleRef = useRef<HTMLDivElement>(null);

  const chosen: Flag[] = [...(thread.awaitingNav ? (['awaitingNav'] as const) : []), ...(thread.awaitingCitizen ? (['awaitingCitizen'] as const) : [])];

  async function change(next: Flag[]) {
    // One change at a time (the boxes stay enabled, so keyboard focus stays where it is).
    if (save.isPending) {
      return;
    }
    const input: { version: number; awaitingNav?: boolean; awaitingCitizen?: boolean } = { version: thread.version };
    for (const flag of ['awaitingNav', 'awaitingCitizen'] as const) {
      if (next.includes(flag) !== chosen.includes(flag)) {
        input[flag] = next.includes(flag);
      }
    }
    setStale(false);
    setFailure(null);
    setTicked(next);
    try {
      await save.mutateAsync(input);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code === 'conflict') {
        if (error.current) {
          client.setQueryData(keys.thread(thread.id), error.current as Thread);
        }
        await client.invalidateQueries({ queryKey: keys.thread(thread.id) });
        setStale(true);
        setTimeout(() => staleRef.current?.focus(), 0);
      } else {
        setFailure(error);
      }
    } finally {
      setTicked(null);
    }
  }

  return (
    <>
      <CheckboxGroup
        legend={t('dialog:status.legend')}
        description={t('dialog:status.help')}
        size="small"
        value={ticked ?? chosen}
        onChange={(value: Flag[]) => void change(value)}
        data-testid="thread-status"
      >
        <Checkbox value="awaitingNav">{t('dialog:status.awaitingNav')}</Checkbox>
        <Checkbox value="awaitingCitizen">{t('dialog:status.awaitingCitizen')}</Checkbox>
      </CheckboxGroup>
      {stale ? (
        <Alert variant="info" size="small" ref={staleRef} tabIndex={-1} role="status">
          {t('dialog:status.changedMeanwhile')}
        </Alert>
      ) : null}
      {failure ? <ApiErrorAlert error={failure} /> : null}
    </>
  );
}
