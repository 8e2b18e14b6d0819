import { useTranslation } from 'react-i18next';
import { FormDate, FormText, FormTextarea } from '../fields/bindings.tsx';

export function MedicalTreatmentForm() {
  const { t } = useTranslation();
  return (
    <>
      <FormText name="treatmentType" description={t('activity:hints.treatmentType')} />
      <FormText name="treatmentPlace" />
      <FormDate name="fromDate" />
      <FormDate name="toDate" />
      <FormTextarea name="expectedEffect" />
      <FormTextarea name="navFollowUp" />
      <FormTextarea name="description" />
    </>
  );
}
