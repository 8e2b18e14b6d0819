import { useTranslation } from 'react-i18next';
import { MEETING_CHANNELS } from '#common/activity-kinds.ts';
import { MEETING_DURATIONS } from '#common/limits.ts';
import { FormRadios, FormSelectNumber, FormText, FormTextarea } from '../fields/bindings.tsx';
import { MeetingStartField } from '../fields/MeetingStartField.tsx';
import { durationText } from '../detail/format.ts';

export function MeetingForm() {
  const { t } = useTranslation();
  return (
    <>
      <FormText name="title" />
      <MeetingStartField />
      <FormSelectNumber name="durationMinutes" options={MEETING_DURATIONS} optionText={(minutes) => durationText(t, minutes)} />
      <FormRadios name="channel" options={MEETING_CHANNELS} optionKey={(value) => `activity:channel.${value}`} />
      <FormText name="place" description={t('activity:hints.place')} />
      <FormTextarea name="agenda" description={t('activity:hints.agenda')} />
      <FormTextarea name="preparations" />
    </>
  );
}
