import { MEETING_CHANNELS } from '#common/activity-kinds.ts';
import { FormDate, FormRadios, FormText } from '../fields/bindings.tsx';

export function ConversationSummaryForm() {
  return (
    <>
      <FormText name="title" />
      <FormDate name="fromDate" />
      <FormRadios name="channel" options={MEETING_CHANNELS} optionKey={(value) => `activity:channel.${value}`} />
    </>
  );
}
