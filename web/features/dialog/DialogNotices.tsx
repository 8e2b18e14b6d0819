import { BodyLong, Button, Heading, HStack, Link as AkselLink, Alert, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDateTime, isLanguage } from '#common/i18n/languages.ts';
import type { EscalationWarning, SendBlockedReason } from '#common/schemas/dialog.ts';

/** Where a citizen changes a reservation in the contact register (norge.no), as the person banners link. */
const CONTACT_REGISTER_URL = 'https://www.norge.no/nb/digital-borgar/oppdater-kontaktinformasjon';

/** Why no message can be sent now, in plain words for each side, in place of the answer box. */
export function SendBlocked({ reason, role, name }: { reason: SendBlockedReason; role: 'citizen' | 'advisor'; name: string }) {
  const { t } = useTranslation(['dialog']);
  return (
    <Alert variant={role === 'advisor' ? 'warning' : 'info'} data-testid="send-blocked" data-reason={reason}>
      <Heading level="2" size="xsmall" spacing>
        {t(`dialog:blocked.${role}.${reason}.title`, { name })}
      </Heading>
      <BodyLong>{t(`dialog:blocked.${role}.${reason}.text`, { name })}</BodyLong>
      {role === 'citizen' && reason === 'RESERVED' ? (
        <AkselLink href={CONTACT_REGISTER_URL} className="dialog-notice__link">
          {t('dialog:blocked.citizen.RESERVED.link')}
        </AkselLink>
      ) : null}
    </Alert>
  );
}

/** NAV: the warning in force, with its thread and the way to stop it. */
export function EscalationBanner({ warning, base, onStop, canStop }: { warning: EscalationWarning; base: string; onStop: () => void; canStop: boolean }) {
  const { t, i18n } = useTranslation(['dialog']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  return (
    <Alert variant="warning" data-testid="escalation-banner">
      <Heading level="2" size="xsmall" spacing>
        {t('dialog:escalation.banner.title')}
      </Heading>
      <VStack gap="space-8" align="start">
        <BodyLong>{t('dialog:escalation.banner.since', { time: formatDateTime(language, warning.startedAt) })}</BodyLong>
        {warning.reason ? <BodyLong>{t('dialog:escalation.banner.reason', { reason: warning.reason })}</BodyLong> : null}
        <HStack gap="space-16" align="center" wrap>
          <AkselLink as={RouterLink} to={`${base}/dialog/${warning.threadId}`}>
            {t('dialog:escalation.banner.open')}
          </AkselLink>
          {canStop ? (
            <Button size="small" variant="secondary" onClick={onStop}>
              {t('dialog:escalation.banner.stop')}
            </Button>
          ) : null}
        </HStack>
      </VStack>
    </Alert>
  );
}
