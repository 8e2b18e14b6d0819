import { Heading, VStack } from '@navikt/ds-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '#common/schemas/activity.ts';
import { ActivityForm } from '../forms/ActivityForm.tsx';
import type { FormType } from '../forms/field-specs.ts';
import { editValues } from '../forms/form-model.ts';
import { ConflictNotice, type Conflict } from './ConflictNotice.tsx';
import { mayEditContent, type Role } from './rules.ts';
import { isStale, useActivityWrite } from './use-activity-write.ts';

export type EditOutcome = 'saved' | 'cancelled' | 'lockedMeanwhile';

interface EditActivityProps {
  activity: Activity & { type: FormType };
  role: Role;
  personId: string;
  onDone: (outcome: EditOutcome) => void;
}

/**
 * The create form, prefilled, saving a full replacement with the version it was loaded from. A
 * stale save reloads the form with what is saved now and shows what differs (ConflictNotice).
 */
export function EditActivity({ activity, role, personId, onDone }: EditActivityProps) {
  const { t } = useTranslation();
  const write = useActivityWrite(activity.id, personId);
  const [base, setBase] = useState(activity);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (values: Record<string, unknown>) => {
    try {
      await write.mutateAsync({ path: '', body: values });
      onDone('saved');
    } catch (error) {
      if (!isStale(error)) {
        throw error;
      }
      const current = error.current as Activity & { type: FormType };
      if (!mayEditContent(current, role)) {
        onDone('lockedMeanwhile');
        return;
      }
      setConflict({ mine: values, current });
      setBase(current);
    }
  };

  return (
    <VStack as="section" gap="space-16" aria-labelledby="edit-heading">
      <Heading level="2" size="medium" id="edit-heading" ref={headingRef} tabIndex={-1}>
        {t('activity:edit.heading')}
      </Heading>
      <ActivityForm
        // A new version to build on: the form starts again from what is saved now.
        key={base.version}
        resolver={{ mode: 'edit', originalStartsAt: typeof base.details.startsAt === 'string' ? base.details.startsAt : null }}
        defaultValues={editValues(base)}
        role={role}
        submitLabel={t('activity:edit.save')}
        onSubmit={submit}
        onCancel={() => onDone('cancelled')}
        notice={conflict ? <ConflictNotice conflict={conflict} /> : null}
      />
    </VStack>
  );
}
