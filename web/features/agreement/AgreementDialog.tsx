import { Alert, BodyLong, Box, Button, ErrorSummary, List, Loader, Modal, Radio, RadioGroup, Textarea, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvanceNoticeType } from '#common/activity-kinds.ts';
import { LIMITS } from '#common/limits.ts';
import type { Activity, AgreementOptions } from '#common/schemas/activity.ts';
import { ApiErrorAlert, errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { isStale, useActivityWrite } from '#web/features/activity/actions/use-activity-write.ts';
import { api, ApiError } from '#web/lib/api-client.ts';
import { keys } from '#web/lib/queries.ts';
import { aapTextProblem } from './agreement-text.ts';
import '@navikt/ds-css/dist/component/list.css';
import '@navikt/ds-css/dist/component/modal.css';

interface Props {
  activity: Activity;
  personId: string;
  onClose: () => void;
  onAgreed: (type: AdvanceNoticeType) => void;
}

const TYPE_ID = 'agreement-type';
const TEXT_ID = 'agreement-text';

/**
 * "Agreed with NAV" and the advance notice (advisor). The server says which notices may be given
 * now; when only "none" is possible, the reasons are said in plain words. Cannot be undone.
 */
export function AgreementDialog({ activity, personId, onClose, onAgreed }: Props) {
  const { t } = useTranslation();
  const options = useQuery({
    queryKey: [...keys.activity(activity.id), 'agreement-options', activity.version],
    queryFn: () => api.get<AgreementOptions>(`/api/activities/${activity.id}/agreement-options`),
  });
  const write = useActivityWrite(activity.id, personId);
  const [type, setType] = useState<AdvanceNoticeType | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ type?: string; text?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (tick > 0) {
      (summaryRef.current ?? failureRef.current)?.focus();
    }
  }, [tick]);

  const data = options.data;
  const onlyNone = data ? data.allowed.length === 1 && data.allowed[0] === 'NONE' : false;
  const chosen: AdvanceNoticeType | null = onlyNone ? 'NONE' : type;
  const aapText = text ?? data?.aapTemplate ?? '';

  const check = () => {
    const next: { type?: string; text?: string } = {};
    if (!chosen) {
      next.type = t('agreement:dialog.errors.type');
    } else if (chosen === 'AAP_11_9') {
      const problem = aapTextProblem(aapText);
      if (problem) {
        next.text = t(`agreement:dialog.errors.${problem}`, { max: LIMITS.advanceNoticeText });
      }
    }
    return next;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const next = check();
    setErrors(next);
    if (next.type || next.text || !chosen) {
      setTick((n) => n + 1);
      return;
    }
    try {
      await write.mutateAsync({
        path: '/agreement',
        body: { version: activity.version, advanceNotice: { type: chosen, text: chosen === 'AAP_11_9' ? aapText.trim() : null } },
      });
      onAgreed(chosen);
    } catch (error) {
      if (isStale(error)) {
        setFailure(t('agreement:dialog.stale'));
      } else if (error instanceof ApiError && error.code === 'conflict') {
        // The person's situation changed (e.g. reserved meanwhile): read the options again.
        setType(null);
        void options.refetch();
        setFailure(t('agreement:dialog.optionsChanged'));
      } else {
        setFailure(t(errorTextKey(error)));
      }
      setTick((n) => n + 1);
    }
  };

  return (
    <Modal open onClose={onClose} header={{ heading: t('agreement:dialog.heading') }} width="medium" placement="top">
      <Modal.Body>
        <form id="agreement-form" onSubmit={(event) => void submit(event)} noValidate>
          <VStack gap="space-16">
            <BodyLong>{t('agreement:dialog.intro')}</BodyLong>
            {options.isPending ? <Loader title={t('agreement:dialog.loading')} /> : null}
            {options.isError ? (
              <ApiErrorAlert error={options.error} />
            ) : null}
            {tick > 0 && (errors.type || errors.text) ? (
              <ErrorSummary ref={summaryRef} heading={t('agreement:dialog.errorSummary')}>
                {errors.type ? <ErrorSummary.Item href={`#${TYPE_ID}`}>{errors.type}</ErrorSummary.Item> : null}
                {errors.text ? <ErrorSummary.Item href={`#${TEXT_ID}`}>{errors.text}</ErrorSummary.Item> : null}
              </ErrorSummary>
            ) : null}
            {data && onlyNone ? (
              <Alert variant="info">
                <VStack gap="space-8">
                  <BodyLong>{t('agreement:dialog.noneOnly')}</BodyLong>
                  <List>
                    {data.reasons.map((reason) => (
                      <List.Item key={reason}>{t(`agreement:reasons.${reason}`)}</List.Item>
                    ))}
                  </List>
                  <BodyLong>{t('agreement:dialog.noneOnlyTodo')}</BodyLong>
                </VStack>
              </Alert>
            ) : null}
            {data && !onlyNone ? (
              <RadioGroup legend={t('agreement:dialog.typeLegend')} value={type} onChange={(value: AdvanceNoticeType) => setType(value)} error={errors.type}>
                {data.allowed.map((option, index) => (
                  <Radio key={option} value={option} id={index === 0 ? TYPE_ID : undefined} description={t(`agreement:dialog.typeHelp.${option}`)}>
                    {t(`agreement:noticeType.${option}`)}
                  </Radio>
                ))}
              </RadioGroup>
            ) : null}
            {data && chosen === 'STANDARD' ? (
              <Box padding="space-16" borderRadius="8" background="neutral-soft">
                <VStack gap="space-8">
                  <BodyLong weight="semibold">{t('agreement:dialog.standardTextLabel', { language: t(`agreement:languageName.${data.language}`) })}</BodyLong>
                  <BodyLong lang={data.language}>{data.standardText}</BodyLong>
                </VStack>
              </Box>
            ) : null}
            {data && chosen === 'AAP_11_9' ? (
              <Textarea
                id={TEXT_ID}
                label={t('agreement:dialog.aapTextLabel')}
                description={t('agreement:dialog.aapTextHelp', { language: t(`agreement:languageName.${data.language}`) })}
                value={aapText}
                onChange={(event) => setText(event.target.value)}
                maxLength={LIMITS.advanceNoticeText}
                minRows={5}
                lang={data.language}
                error={errors.text}
              />
            ) : null}
            {chosen && chosen !== 'NONE' ? <BodyLong>{t('agreement:dialog.notified')}</BodyLong> : null}
            {failure ? (
              <Alert variant="error" role="alert" ref={failureRef} tabIndex={-1}>
                {failure}
              </Alert>
            ) : null}
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form="agreement-form" loading={write.isPending} disabled={!data}>
          {t('agreement:dialog.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t('agreement:dialog.cancel')}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
