import { Fieldset, HStack, TextField } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '#common/time.ts';
import { fieldId } from '../forms/field-specs.ts';
import { useFormField } from './bindings.tsx';
import { DateField } from './DateField.tsx';
import { osloInstant, osloParts } from './oslo-time.ts';

/** '9:30', '09.30' and '0930' all mean half past nine. */
export function normaliseClock(text: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!match) {
    return null;
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${match[2]}` : null;
}

/**
 * The meeting's start as an Oslo date and clock time, held in the form as one instant with its
 * offset (`startsAt`). Both parts empty → nothing; a part that is not understood → the schema
 * refuses it and the error names both formats.
 */
export function MeetingStartField() {
  const { t } = useTranslation();
  const { field, error } = useFormField('startsAt');
  const [initial] = useState(() => osloParts(typeof field.value === 'string' ? field.value : null));
  const [date, setDate] = useState<string | null>(initial.date || null);
  const [time, setTime] = useState(initial.time);

  const update = (nextDate: string | null, nextTime: string) => {
    if (!nextDate && nextTime.trim() === '') {
      field.onChange(null);
      return;
    }
    const clock = normaliseClock(nextTime);
    const instant = nextDate && isCalendarDate(nextDate) && clock ? osloInstant(nextDate, clock) : null;
    field.onChange(instant ?? 'invalid');
  };

  return (
    <Fieldset legend={t('activity:fields.startsAtLegend')} description={t('activity:hints.startsAt')} error={error}>
      <HStack gap="space-16" wrap>
        <DateField
          id={fieldId('startsAt')}
          label={t('activity:fields.meetingDate')}
          initialValue={initial.date}
          inputRef={field.ref}
          onChange={(value) => {
            setDate(value);
            update(value, time);
          }}
          onBlur={field.onBlur}
        />
        <TextField
          id={fieldId('startsAtTime')}
          label={t('activity:fields.meetingTime')}
          description={t('activity:hints.time')}
          htmlSize={8}
          inputMode="numeric"
          autoComplete="off"
          value={time}
          onChange={(event) => {
            setTime(event.target.value);
            update(date, event.target.value);
          }}
          onBlur={() => {
            const clock = normaliseClock(time);
            if (clock) {
              setTime(clock);
            }
            field.onBlur();
          }}
        />
      </HStack>
    </Fieldset>
  );
}
