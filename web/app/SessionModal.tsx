import { BodyLong, Button, Modal } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import '@navikt/ds-css/dist/component/modal.css';

/** The idle-timeout dialog: stay logged in, or, once it is too late, log in again. It cannot be dismissed. */
export default function SessionModal({ expired, remainingMinutes, onStay }: { expired: boolean; remainingMinutes: number; onStay: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      onClose={() => undefined}
      onBeforeClose={() => false}
      onCancel={(event) => event.preventDefault()}
      header={{ heading: t(expired ? 'app:session.expiredTitle' : 'app:session.warningTitle'), closeButton: false }}
    >
      <Modal.Body>
        <BodyLong>{expired ? t('app:session.expiredText') : t('app:session.warningText', { minutes: remainingMinutes })}</BodyLong>
      </Modal.Body>
      <Modal.Footer>
        {expired ? (
          <Button as="a" href={`/auth/login?returnTo=${encodeURIComponent(window.location.pathname)}`}>
            {t('app:login.button')}
          </Button>
        ) : (
          <Button onClick={onStay}>{t('app:session.stay')}</Button>
        )}
      </Modal.Footer>
    </Modal>
  );
}
