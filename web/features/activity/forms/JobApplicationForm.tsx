import { useTranslation } from 'react-i18next';
import { FormDate, FormText, FormTextarea } from '../fields/bindings.tsx';

export function JobApplicationForm() {
  const { t } = useTranslation();
  return (
    <>
      <FormText name="title" />
      <FormText name="employer" />
      <FormText name="workplace" />
      <FormText name="contactPerson" />
      <FormDate name="fromDate" />
      <FormDate name="toDate" />
      <FormTextarea name="description" />
      <FormText name="link" description={t('activity:hints.jobLink')} />
    </>
  );
}
