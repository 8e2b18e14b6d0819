import { Alert, BodyShort, Button, Select } from '@navikt/ds-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, isLanguage, type Language } from '#common/i18n/languages.ts';
import type { Period, Plan } from '#common/schemas/plan.ts';
import { osloDate } from '#common/time.ts';

const day = (language: Language, instant: string) => formatDate(language, osloDate(new Date(instant)));

function periodName(period: Period, language: Language, t: TFunction): string {
  const from = day(language, period.startedAt);
  if (period.current || !period.endedAt) {
    return t('board:period.current', { from });
  }
  return t('board:period.ended', { from, to: day(language, period.endedAt) });
}

const PERIOD_PICKER_ID = 'board-period-picker';

/** Chooses the follow-up period shown; offered only when the person has had more than one. */
export function PeriodPicker({ plan, onChoose }: { plan: Plan; onChoose: (periodId: string) => void }) {
  const { t, i18n } = useTranslation('board');
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  if (plan.periods.length < 2) {
    return null;
  }
  return (
    <Select id={PERIOD_PICKER_ID} label={t('board:period.label')} size="small" value={plan.period?.id ?? ''} onChange={(event) => onChoose(event.target.value)} data-testid="period-picker">
      {plan.periods.map((period) => (
        <option key={period.id} value={period.id}>
          {periodName(period, language, t)}
        </option>
      ))}
    </Select>
  );
}

/** Says that an earlier period was chosen, which can be read but not changed, and leads back. */
export function EarlierPeriodNotice({ plan, onChoose }: { plan: Plan; onChoose: (periodId: string) => void }) {
  const { t, i18n } = useTranslation('board');
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const period = plan.period;
  const current = plan.periods.find((p) => p.current);
  // With no current period at all, the person banners explain that the plan is closed.
  if (!period || period.current || !current) {
    return null;
  }
  return (
    <Alert variant="info" data-testid="earlier-period">
      <BodyShort spacing>
        {t('board:period.earlierNotice', { from: day(language, period.startedAt), to: day(language, period.endedAt ?? period.startedAt) })}
      </BodyShort>
      <Button
        variant="secondary"
        size="small"
        onClick={() => {
          onChoose(current.id);
          // This notice goes away; focus goes to the period picker, which now shows the current period.
          requestAnimationFrame(() => document.getElementById(PERIOD_PICKER_ID)?.focus());
        }}
      >
        {t('board:period.backToCurrent')}
      </Button>
    </Alert>
  );
}
