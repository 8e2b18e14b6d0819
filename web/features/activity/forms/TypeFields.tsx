import { Checkbox, Radio, RadioGroup } from '@navikt/ds-react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId, type FormType } from './field-specs.ts';
import type { FormValues } from './form-model.ts';
import { ConversationSummaryForm } from './ConversationSummaryForm.tsx';
import { CurrentJobForm } from './CurrentJobForm.tsx';
import { JobApplicationForm } from './JobApplicationForm.tsx';
import { JobSearchAgreementForm } from './JobSearchAgreementForm.tsx';
import { MedicalTreatmentForm } from './MedicalTreatmentForm.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { SelfDirectedForm } from './SelfDirectedForm.tsx';
import { FormTextarea } from '../fields/bindings.tsx';

/**
 * A new activity starts as a suggestion or as planned (the schema's `status`): for the citizen
 * "thinking about it", for NAV a suggestion the citizen takes on or declines.
 */
function InitialStatusField({ role }: { role: 'citizen' | 'advisor' }) {
  const { t } = useTranslation();
  const { control } = useFormContext<FormValues>();
  const { field } = useController({ name: 'status', control });
  return (
    <RadioGroup legend={t(`activity:initialStatus.${role}.legend`)} name={field.name} value={field.value ?? 'PLANNED'} onChange={field.onChange}>
      <Radio value="PLANNED" id={fieldId('status')} description={t(`activity:initialStatus.${role}.plannedHelp`)}>
        {t(`activity:initialStatus.${role}.planned`)}
      </Radio>
      <Radio value="SUGGESTED" description={t(`activity:initialStatus.${role}.suggestedHelp`)}>
        {t(`activity:initialStatus.${role}.suggested`)}
      </Radio>
    </RadioGroup>
  );
}

/** A new conversation summary is written at once, and shared now or later. */
function SummaryCreateFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<FormValues>();
  const { field } = useController({ name: 'share', control });
  return (
    <>
      <FormTextarea name="summary" description={t('activity:hints.summary')} />
      <Checkbox id={fieldId('share')} checked={field.value === true} onChange={(event) => field.onChange(event.target.checked)} description={t('activity:hints.shareNow')}>
        {t('activity:fields.shareNow')}
      </Checkbox>
    </>
  );
}

export function TypeFields({ type, role, creating }: { type: FormType; role: 'citizen' | 'advisor'; creating: boolean }) {
  const fields = (() => {
    switch (type) {
      case 'JOB_APPLICATION':
        return <JobApplicationForm />;
      case 'CURRENT_JOB':
        return <CurrentJobForm />;
      case 'SELF_DIRECTED':
        return <SelfDirectedForm />;
      case 'MEDICAL_TREATMENT':
        return <MedicalTreatmentForm />;
      case 'JOB_SEARCH_AGREEMENT':
        return <JobSearchAgreementForm />;
      case 'MEETING':
        return <MeetingForm />;
      case 'CONVERSATION_SUMMARY':
        return <ConversationSummaryForm />;
    }
  })();
  return (
    <>
      {fields}
      {creating && type === 'CONVERSATION_SUMMARY' ? <SummaryCreateFields /> : null}
      {creating && type !== 'MEETING' && type !== 'CONVERSATION_SUMMARY' ? <InitialStatusField role={role} /> : null}
    </>
  );
}
