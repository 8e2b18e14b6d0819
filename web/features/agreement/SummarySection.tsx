import { Alert, BodyLong, Button, ErrorSummary, Heading, HStack, Modal, Textarea, VStack } from '@navikt/ds-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '#common/limits.ts';
import { SummarySchema } from '#common/schemas/activity-input.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { isStale, useActivityWrite } from '#web/features/activity/actions/use-activity-write.ts';
import '@navikt/ds-css/dist/component/modal.css';

const FIELD_ID = 'summary-field';

interface Props {
  activity: Activity;
  role: 'citizen' | 'advisor';
  personId: string;
  /** NAV may write it now (activity open, plan writable). */
  canWrite: boolean;
  onSaved: (shared: boolean) => void;
}

function SharedSummary({ text }: { text: string }) {
  return <BodyLong style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</BodyLong>;
}

/**
 * The summary of a meeting or conversation. NAV writes it as a draft and shares it when ready;
 * the citizen sees it only once shared (the server leaves it out until then). Sharing cannot be
 * undone, so it asks first.
 */
export function SummarySection({ activity, role, personId, canWrite, onSaved }: Props) {
  const { t } = useTranslation();
  const write = useActivityWrite(activity.id, personId);
  const stored = typeof activity.details.summary === 'string' ? activity.details.summary : '';
  const shared = activity.details.summaryShared === true;
  const [text, setText] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [tick, setTick] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // A summary saved elsewhere replaces the text only when the advisor has not started changing it.
  const basis = useRef(stored);
  useEffect(() => {
    setText((current) => (current === basis.current ? stored : current));
    basis.current = stored;
  }, [stored]);
  useEffect(() => {
    if (tick > 0) {
      (summaryRef.current ?? failureRef.current)?.focus();
    }
  }, [tick]);

  const startsAt = typeof activity.details.startsAt === 'string' ? new Date(activity.details.startsAt) : null;
  const notStarted = activity.type === 'MEETING' && startsAt !== null && startsAt > new Date();
  const heading = (
    <Heading level="2" size="medium" id="summary-heading">
      {t('agreement:summary.heading')}
    </Heading>
  );

  if (role === 'citizen' || !canWrite) {
    if (!shared && role === 'citizen') {
      return null;
    }
    return (
      <VStack as="section" gap="space-8" aria-labelledby="summary-heading">
        {heading}
        {stored ? <SharedSummary text={stored} /> : <BodyLong>{t('agreement:summary.none')}</BodyLong>}
        {role === 'advisor' ? <BodyLong>{t(shared ? 'agreement:summary.isShared' : 'agreement:summary.notShared')}</BodyLong> : null}
      </VStack>
    );
  }

  const save = async (share: boolean) => {
    setConfirming(false);
    setFailure(null);
    const parsed = SummarySchema.safeParse({ version: activity.version, summary: text, share });
    if (!parsed.success) {
      setError(text.trim() === '' ? t('agreement:summary.errors.required') : t('agreement:summary.errors.tooLong', { max: LIMITS.summary }));
      setTick((n) => n + 1);
      return;
    }
    setError(null);
    try {
      await write.mutateAsync({ path: '/summary', body: parsed.data });
      onSaved(share);
    } catch (caught) {
      setFailure(isStale(caught) ? t('agreement:summary.stale') : t(errorTextKey(caught)));
      setTick((n) => n + 1);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(shared);
  };

  return (
    <VStack as="section" gap="space-12" aria-labelledby="summary-heading">
      {heading}
      {notStarted ? (
        <BodyLong>{t('agreement:summary.notStarted')}</BodyLong>
      ) : (
        <form onSubmit={submit} noValidate>
          <VStack gap="space-16">
            <BodyLong>{t(shared ? 'agreement:summary.isShared' : 'agreement:summary.notShared')}</BodyLong>
            {activity.type === 'MEETING' && !shared ? <BodyLong>{t('agreement:summary.meetingNeedsShare')}</BodyLong> : null}
            {tick > 0 && error ? (
              <ErrorSummary ref={summaryRef} heading={t('agreement:summary.errorSummary')}>
                <ErrorSummary.Item href={`#${FIELD_ID}`}>{error}</ErrorSummary.Item>
              </ErrorSummary>
            ) : null}
            <Textarea
              id={FIELD_ID}
              label={t('agreement:summary.label')}
              description={t('agreement:summary.help')}
              value={text}
              onChange={(event) => setText(event.target.value)}
              maxLength={LIMITS.summary}
              minRows={6}
              error={error ?? undefined}
            />
            {failure ? (
              <Alert variant="error" role="alert" ref={failureRef} tabIndex={-1}>
                {failure}
              </Alert>
            ) : null}
            <HStack gap="space-16">
              {shared ? (
                <Button type="submit" loading={write.isPending}>
                  {t('agreement:summary.saveShared')}
                </Button>
              ) : (
                <>
                  <Button type="submit" variant="secondary" loading={write.isPending}>
                    {t('agreement:summary.saveDraft')}
                  </Button>
                  <Button type="button" onClick={() => setConfirming(true)}>
                    {t('agreement:summary.share')}
                  </Button>
                </>
              )}
            </HStack>
          </VStack>
        </form>
      )}
      {confirming ? (
        <Modal open onClose={() => setConfirming(false)} header={{ heading: t('agreement:summary.confirmHeading') }} width="small">
          <Modal.Body>
            <BodyLong>{t('agreement:summary.confirmText')}</BodyLong>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" onClick={() => void save(true)} loading={write.isPending}>
              {t('agreement:summary.confirmShare')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t('agreement:summary.confirmCancel')}
            </Button>
          </Modal.Footer>
        </Modal>
      ) : null}
    </VStack>
  );
}
