import { Alert, BodyLong, BodyShort, Box, Button, Detail, Heading, ReadMore, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isLanguage } from '#common/i18n/languages.ts';
import type { Activity, AdvanceNotice } from '#common/schemas/activity.ts';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { isStale, useActivityWrite } from '#web/features/activity/actions/use-activity-write.ts';
import '@navikt/ds-css/dist/component/readmore.css';

interface Props {
  activity: Activity;
  role: 'citizen' | 'advisor';
  personId: string;
  /** The plan can be written now (current period, not read-only for this side). */
  writable: boolean;
  onConfirmed: () => void;
}

function NoticeText({ notice }: { notice: AdvanceNotice }) {
  const { t, i18n } = useTranslation();
  // The text is stored in the language it was sent in; mark it when the page speaks another.
  const lang = notice.language && notice.language !== i18n.language ? notice.language : undefined;
  return (
    <VStack gap="space-8">
      <BodyLong lang={lang} style={{ whiteSpace: 'pre-wrap' }}>
        {notice.text}
      </BodyLong>
      {notice.legalBasis ? <BodyShort size="small">{t('agreement:notice.legalBasis', { basis: t(`agreement:legalBasis.${notice.legalBasis}`) })}</BodyShort> : null}
    </VStack>
  );
}

/**
 * The advance notice of an agreed activity. The citizen reads it and confirms "I have read
 * this" (until then it stands out at the top); NAV sees which notice was given and whether it
 * has been read.
 */
export function AdvanceNoticeBlock({ activity, role, personId, writable, onConfirmed }: Props) {
  const { t, i18n } = useTranslation();
  const write = useActivityWrite(activity.id, personId);
  const [failure, setFailure] = useState<string | null>(null);
  const notice = activity.advanceNotice;
  const lang = isLanguage(i18n.language) ? i18n.language : 'nb';
  if (!activity.agreedWithNav || !notice) {
    return null;
  }
  if (role === 'advisor') {
    return (
      <Box padding="space-16" borderRadius="8" background="neutral-soft" as="section" aria-labelledby="notice-heading">
        <VStack gap="space-8">
          <Heading level="2" size="small" id="notice-heading">
            {t(`agreement:noticeType.${notice.type}`)}
          </Heading>
          {notice.type !== 'NONE' ? (
            <>
              <NoticeText notice={notice} />
              <Detail>
                {notice.readAt ? t('agreement:notice.readAt', { date: formatDateTime(lang, notice.readAt) }) : t('agreement:notice.notRead')}
              </Detail>
            </>
          ) : null}
        </VStack>
      </Box>
    );
  }
  if (notice.type === 'NONE') {
    return null;
  }
  if (notice.readAt) {
    return (
      <ReadMore header={t('agreement:notice.citizenHeading')}>
        <VStack gap="space-8">
          <NoticeText notice={notice} />
          <Detail>{t('agreement:notice.confirmedAt', { date: formatDateTime(lang, notice.readAt) })}</Detail>
        </VStack>
      </ReadMore>
    );
  }
  const confirm = async () => {
    setFailure(null);
    try {
      await write.mutateAsync({ path: '/advance-notice/confirmation', method: 'post', body: { version: activity.version } });
      onConfirmed();
    } catch (error) {
      setFailure(isStale(error) ? t('agreement:notice.stale') : t(errorTextKey(error)));
    }
  };
  return (
    <section aria-labelledby="notice-heading" data-testid="advance-notice">
    <Alert variant="warning">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="small" id="notice-heading">
          {t('agreement:notice.citizenHeading')}
        </Heading>
        <NoticeText notice={notice} />
        <BodyShort>{t('agreement:notice.afterReading')}</BodyShort>
        {failure ? (
          <BodyShort role="alert" weight="semibold">
            {failure}
          </BodyShort>
        ) : null}
        {writable ? (
          <Button type="button" size="small" onClick={() => void confirm()} loading={write.isPending}>
            {t('agreement:notice.confirm')}
          </Button>
        ) : null}
      </VStack>
    </Alert>
    </section>
  );
}
