import { Alert, BodyLong, Button, Modal } from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Period } from '#common/schemas/plan.ts';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { api, ApiError } from '#web/lib/api-client.ts';
import { invalidatePerson } from '#web/lib/queries.ts';
import '@navikt/ds-css/dist/component/modal.css';

interface Props {
  personId: string;
  name: string;
  onClose: () => void;
  onStarted: (startedAt: string) => void;
}

// React's autoFocus focuses on mount, before Aksel opens the dialog; the HTML attribute is what showModal() honours.
const markAutofocus = (element: HTMLButtonElement | null) => element?.setAttribute('autofocus', '');

/** Asks the advisor to confirm before a follow-up period starts: it gives the person a new, writable plan. */
export default function StartPeriodModal({ personId, name, onClose, onStarted }: Props) {
  const { t } = useTranslation(['person']);
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: () => api.post<Period>(`/api/persons/${personId}/periods`),
    onSuccess: async (period) => {
      await invalidatePerson(client, personId);
      onStarted(period.startedAt);
      onClose();
    },
    onError: async (error) => {
      // Someone else started one meanwhile: show what holds now.
      if (error instanceof ApiError && error.code === 'conflict') {
        await invalidatePerson(client, personId);
      }
    },
  });
  const alreadyStarted = start.error instanceof ApiError && start.error.code === 'conflict';

  return (
    <Modal open onClose={onClose} header={{ heading: t('person:startPeriod.confirmTitle', { name }), closeButton: false }} width="medium">
      <Modal.Body>
        <BodyLong spacing>{t('person:startPeriod.confirmText')}</BodyLong>
        {alreadyStarted ? (
          <Alert variant="info" role="alert">
            {t('person:startPeriod.alreadyStarted')}
          </Alert>
        ) : start.isError ? (
          <ApiErrorAlert error={start.error} />
        ) : null}
      </Modal.Body>
      <Modal.Footer>
        {alreadyStarted ? null : (
          <Button type="button" loading={start.isPending} onClick={() => start.mutate()}>
            {t('person:startPeriod.confirm')}
          </Button>
        )}
        {/* Focus starts on the safe choice: the native dialog focuses its `autofocus` element when it opens. */}
        <Button ref={markAutofocus} type="button" variant="secondary" onClick={onClose}>
          {alreadyStarted ? t('person:startPeriod.close') : t('person:startPeriod.cancel')}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
