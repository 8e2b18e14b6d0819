import { WORKING_HOURS } from '#common/activity-kinds.ts';
import { FormDate, FormRadios, FormText, FormTextarea } from '../fields/bindings.tsx';

export function CurrentJobForm() {
  return (
    <>
      <FormText name="title" />
      <FormText name="employer" />
      <FormRadios name="workingHours" options={WORKING_HOURS} optionKey={(value) => `activity:workingHours.${value}`} />
      <FormText name="employmentType" />
      <FormDate name="fromDate" />
      <FormDate name="toDate" />
      <FormTextarea name="description" />
    </>
  );
}
