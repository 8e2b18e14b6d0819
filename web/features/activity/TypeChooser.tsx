import { Button, Radio, RadioGroup, VStack } from '@navikt/ds-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ADVISOR_CREATABLE, CITIZEN_CREATABLE, type ActivityType } from '#common/activity-kinds.ts';

const CHOICE_ID = 'activity-type-choice';

/** The types this side may create: the citizen's four, and for NAV also meetings, summaries and job search agreements. */
export function creatableTypes(role: 'citizen' | 'advisor'): readonly ActivityType[] {
  return role === 'citizen' ? CITIZEN_CREATABLE : ADVISOR_CREATABLE;
}

/** First step of "add activity": which kind, each with a line on what it is for. */
export function TypeChooser({ role, initial, onChoose }: { role: 'citizen' | 'advisor'; initial: ActivityType | null; onChoose: (type: ActivityType) => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<ActivityType | null>(initial);
  const [error, setError] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      setError(true);
      firstRef.current?.focus();
      return;
    }
    onChoose(choice);
  };
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-24" align="start">
        <RadioGroup
          legend={t('activity:new.chooseLegend')}
          value={choice}
          onChange={(value: ActivityType) => {
            setChoice(value);
            setError(false);
          }}
          error={error ? t('activity:new.chooseError') : undefined}
        >
          {creatableTypes(role).map((type, index) => (
            <Radio key={type} value={type} id={index === 0 ? CHOICE_ID : undefined} ref={index === 0 ? firstRef : undefined} description={t(`activity:typeHelp.${type}`)}>
              {t(`domain:activityType.${type}`)}
            </Radio>
          ))}
        </RadioGroup>
        <Button type="submit">{t('activity:new.next')}</Button>
      </VStack>
    </form>
  );
}
