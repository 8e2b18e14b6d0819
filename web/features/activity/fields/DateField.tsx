import { DatePicker, useDatepicker } from '@navikt/ds-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '#common/time.ts';
import { asPickerLocale } from './aksel-locale.ts';
import '@navikt/ds-css/dist/component/date.css';
import '@navikt/ds-css/dist/component/popover.css';

/** 'YYYY-MM-DD' of a picked day (the picker gives local midnight of that day). */
export function toCalendarDate(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

export function fromCalendarDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    return undefined;
  }
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export interface DateFieldProps {
  id: string;
  label: string;
  description?: string;
  error?: string;
  /** The stored value at mount: 'YYYY-MM-DD' or nothing (remount with a new key to reset). */
  initialValue: unknown;
  /**
   * Called with 'YYYY-MM-DD' for a date, null for an empty field, and the text itself when what was
   * typed is not a date (so that the schema refuses it and the person is told beside the field).
   */
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  inputRef?: (element: HTMLInputElement | null) => void;
}

/**
 * A date typed as dd.mm.åååå or picked in Aksel's calendar; the value is a calendar date, never
 * an instant, so no time zone can move it to another day.
 */
export function DateField({ id, label, description, error, initialValue, onChange, onBlur, inputRef }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const typed = useRef('');
  const { datepickerProps, inputProps } = useDatepicker({
    defaultSelected: fromCalendarDate(initialValue),
    locale: asPickerLocale(i18n.language),
    onDateChange: (day) => {
      if (day) {
        onChange(toCalendarDate(day));
      } else {
        onChange(typed.current.trim() === '' ? null : typed.current.trim());
      }
    },
  });
  return (
    <DatePicker {...datepickerProps} dropdownCaption fromDate={new Date(1900, 0, 1)} toDate={new Date(2200, 11, 31)}>
      <DatePicker.Input
        {...inputProps}
        onChange={(event) => {
          typed.current = event.target.value;
          inputProps.onChange?.(event);
        }}
        onBlur={(event) => {
          inputProps.onBlur?.(event);
          onBlur?.();
        }}
        ref={inputRef}
        id={id}
        label={label}
        description={description ?? t('activity:hints.date')}
        error={error}
        autoComplete="off"
      />
    </DatePicker>
  );
}
