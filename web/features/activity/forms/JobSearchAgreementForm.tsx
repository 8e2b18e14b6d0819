import { useTranslation } from 'react-i18next';
import { COUNT_PER } from '#common/activity-kinds.ts';
import { LIMITS } from '#common/limits.ts';
import { FormDate, FormNumber, FormRadios, FormTextarea } from '../fields/bindings.tsx';

export function JobSearchAgreementForm() {
  const { t } = useTranslation();
  return (
    <>
      <FormNumber name="applicationCount" description={t('activity:hints.applicationCount', { max: LIMITS.applicationsPerPeriodMax })} />
      <FormRadios name="countPer" options={COUNT_PER} optionKey={(value) => `activity:countPer.${value}`} />
      <FormDate name="fromDate" />
      <FormDate name="toDate" />
      <FormTextarea name="navFollowUp" />
      <FormTextarea name="description" />
    </>
  );
}
