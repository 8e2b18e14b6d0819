import { useTranslation } from 'react-i18next';
import { FormDate, FormText, FormTextarea } from '../fields/bindings.tsx';

export function SelfDirectedForm() {
  const { t } = useTranslation();
  return (
    <>
      <FormText name="title" />
      <FormTextarea name="purpose" />
      <FormDate name="fromDate" />
      <FormDate name="toDate" />
      <FormTextarea name="description" />
      <FormTextarea name="checklist" description={t('activity:hints.checklist')} />
      <FormText name="link" description={t('activity:hints.link')} />
    </>
  );
}
