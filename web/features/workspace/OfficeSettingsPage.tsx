import { Alert, BodyLong, BodyShort, Button, Heading, HStack, Link, TextField, VStack } from '@navikt/ds-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDateTime, isLanguage } from '#common/i18n/languages.ts';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { PageLoader } from '#web/components/PageLoader.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import { useDocumentTitle } from '#web/lib/document-title.ts';
import { useOfficeSettings, useSaveOfficeSettings } from './workspace-api.ts';

/** The bounds of the setting (common/schemas/workspace.ts OfficeSettingsInputSchema), told beside the field. */
const MIN_DAYS = 1;
const MAX_DAYS = 365;

type DaysError = 'required' | 'whole' | 'range';

function checkDays(value: string): DaysError | null {
  const text = value.trim();
  if (text === '') {
    return 'required';
  }
  if (!/^\d+$/.test(text)) {
    return 'whole';
  }
  const days = Number(text);
  return days < MIN_DAYS || days > MAX_DAYS ? 'range' : null;
}

/**
 * An office's setting for "going passive": after how many days without a change or message from
 * the person the workspace marks them (product.md C4; 30 unless an advisor at the office sets
 * another). Saving it is audited with the old and the new value.
 */
export default function OfficeSettingsPage() {
  const { t, i18n } = useTranslation(['workspace']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const { officeId = '' } = useParams();
  const settings = useOfficeSettings(officeId);
  const save = useSaveOfficeSettings(officeId);
  const [days, setDays] = useState<string | null>(null);
  const [error, setError] = useState<DaysError | null>(null);
  const [saved, setSaved] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const officeName = settings.data?.officeName ?? officeId;
  useDocumentTitle(t('workspace:settings.title', { office: officeName }));
  const value = days ?? (settings.data ? String(settings.data.passiveAfterDays) : '');

  useEffect(() => {
    if (saved) {
      savedRef.current?.focus();
    }
  }, [saved]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problem = checkDays(value);
    setError(problem);
    if (problem) {
      fieldRef.current?.focus();
      return;
    }
    try {
      await save.mutateAsync({ passiveAfterDays: Number(value.trim()) });
      setDays(null);
      setSaved(true);
    } catch (failure) {
      // The server names the field when it refuses the number: said beside the field like ours.
      if (failure instanceof ApiError && failure.issues.some((issue) => issue.field === 'body.passiveAfterDays')) {
        setError('range');
        fieldRef.current?.focus();
      }
    }
  }

  const fieldFailure = save.error instanceof ApiError && save.error.issues.length > 0;
  return (
    <VStack gap="space-24" style={{ maxWidth: '40rem' }}>
      <VStack gap="space-8">
        <Heading level="1" size="large">
          {t('workspace:settings.title', { office: officeName })}
        </Heading>
        <BodyLong>{t('workspace:settings.intro')}</BodyLong>
        <Link as={RouterLink} to={`/?scope=office&office=${officeId}`}>
          {t('workspace:settings.back')}
        </Link>
      </VStack>
      {settings.isError ? <ApiErrorAlert error={settings.error} /> : null}
      {settings.isPending ? <PageLoader /> : null}
      {settings.data ? (
        <form onSubmit={(event) => void submit(event)} noValidate data-testid="office-settings">
          <VStack gap="space-16" align="start">
            <TextField
              ref={fieldRef}
              label={t('workspace:settings.days')}
              description={t('workspace:settings.daysHelp', { min: MIN_DAYS, max: MAX_DAYS })}
              inputMode="numeric"
              htmlSize={6}
              value={value}
              onChange={(event) => {
                setDays(event.target.value);
                setError(null);
                setSaved(false);
              }}
              error={error ? t(`workspace:settings.errors.${error}`, { min: MIN_DAYS, max: MAX_DAYS }) : undefined}
            />
            <BodyShort size="small">
              {settings.data.updatedAt
                ? t('workspace:settings.changed', { time: formatDateTime(language, settings.data.updatedAt), name: settings.data.updatedBy ?? '' })
                : t('workspace:settings.default')}
            </BodyShort>
            {saved ? (
              <Alert variant="success" size="small" ref={savedRef} tabIndex={-1}>
                {t('workspace:settings.saved', { days: settings.data.passiveAfterDays })}
              </Alert>
            ) : null}
            {save.isError && !fieldFailure ? <ApiErrorAlert error={save.error} /> : null}
            <HStack gap="space-8">
              <Button type="submit" loading={save.isPending}>
                {t('workspace:settings.save')}
              </Button>
            </HStack>
          </VStack>
        </form>
      ) : null}
    </VStack>
  );
}
