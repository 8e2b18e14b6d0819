import { Radio, RadioGroup, Select, Textarea, TextField } from '@navikt/ds-react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId, labelKey, specOf } from '../forms/field-specs.ts';
import type { FormValues } from '../forms/form-model.ts';
import { fieldErrorText } from '../forms/messages.ts';
import { DateField } from './DateField.tsx';

/** One form field bound to react-hook-form: its value, its label and its error in the person's language. */
export function useFormField(name: string) {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<FormValues>();
  const { field, fieldState } = useController({ name, control });
  const spec = specOf(getValues('type'), name);
  return {
    field,
    spec,
    id: fieldId(name),
    // Aksel's advice: mark the optional fields, not the required ones.
    label: spec ? (spec.required ? t(labelKey(spec)) : t('activity:form.optional', { label: t(labelKey(spec)) })) : name,
    error: fieldErrorText(t, spec, fieldState.error, field.value),
  };
}

interface FieldProps {
  name: string;
  description?: string;
}

export function FormText({ name, description }: FieldProps) {
  const { field, id, label, error } = useFormField(name);
  return (
    <TextField
      id={id}
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      error={error}
      value={String(field.value ?? '')}
      onChange={(event) => field.onChange(event.target.value)}
      onBlur={field.onBlur}
    />
  );
}

/** Long text with Aksel's character counter (it counts down to the schema's limit and past it). */
export function FormTextarea({ name, description }: FieldProps) {
  const { field, spec, id, label, error } = useFormField(name);
  return (
    <Textarea
      id={id}
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      error={error}
      maxLength={spec?.max}
      minRows={3}
      value={String(field.value ?? '')}
      onChange={(event) => field.onChange(event.target.value)}
      onBlur={field.onBlur}
    />
  );
}

export function FormDate({ name, description }: FieldProps) {
  const { field, id, label, error } = useFormField(name);
  return (
    <DateField
      id={id}
      label={label}
      description={description}
      error={error}
      initialValue={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
    />
  );
}

export function FormNumber({ name, description }: FieldProps) {
  const { field, id, label, error } = useFormField(name);
  const value = typeof field.value === 'number' && !Number.isNaN(field.value) ? String(field.value) : '';
  return (
    <TextField
      id={id}
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      error={error}
      inputMode="numeric"
      htmlSize={6}
      value={value}
      onChange={(event) => {
        const text = event.target.value.trim();
        field.onChange(/^\d+$/.test(text) ? Number(text) : Number.NaN);
      }}
      onBlur={field.onBlur}
    />
  );
}

interface ChoiceProps extends FieldProps {
  options: readonly string[];
  /** Catalogue key of each option's text, e.g. 'activity:channel.{{value}}'. */
  optionKey: (value: string) => string;
}

export function FormRadios({ name, description, options, optionKey }: ChoiceProps) {
  const { t } = useTranslation();
  const { field, id, label, error } = useFormField(name);
  return (
    <RadioGroup legend={label} description={description} error={error} name={field.name} value={field.value ?? null} onChange={field.onChange}>
      {options.map((option, index) => (
        <Radio key={option} value={option} id={index === 0 ? id : undefined} ref={index === 0 ? field.ref : undefined} onBlur={field.onBlur}>
          {t(optionKey(option))}
        </Radio>
      ))}
    </RadioGroup>
  );
}

export function FormSelectNumber({ name, description, options, optionText }: { name: string; description?: string; options: readonly number[]; optionText: (value: number) => string }) {
  const { t } = useTranslation();
  const { field, id, label, error } = useFormField(name);
  return (
    <Select
      id={id}
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      error={error}
      value={typeof field.value === 'number' && !Number.isNaN(field.value) ? String(field.value) : ''}
      onChange={(event) => field.onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
      onBlur={field.onBlur}
    >
      <option value="">{t('activity:form.choose')}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {optionText(option)}
        </option>
      ))}
    </Select>
  );
}
