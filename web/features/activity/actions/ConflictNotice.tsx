import { Alert, BodyLong, Heading, Table, VStack } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '#common/schemas/activity.ts';
import { formatValue } from '../detail/format-value.ts';
import { FIELD_SPECS, labelKey, storedValue, type FieldSpec, type FormType } from '../forms/field-specs.ts';
import { comparable } from '../forms/form-model.ts';
import '@navikt/ds-css/dist/component/table.css';

export interface Conflict {
  /** What the person tried to save. */
  mine: Record<string, unknown>;
  /** The activity as it is now on the server. */
  current: Activity & { type: FormType };
}

function same(spec: FieldSpec, a: unknown, b: unknown): boolean {
  if (spec.kind === 'instant' && typeof a === 'string' && typeof b === 'string') {
    return new Date(a).getTime() === new Date(b).getTime();
  }
  return comparable(a) === comparable(b);
}

/** The fields where what the person wrote and what is saved now differ. */
export function conflictRows(conflict: Conflict): FieldSpec[] {
  return FIELD_SPECS[conflict.current.type].filter((spec) => !spec.createOnly && !same(spec, conflict.mine[spec.name], storedValue(conflict.current, spec.name)));
}

/**
 * After a stale save: says that someone else changed the activity first, shows side by side what
 * the person wrote and what is saved now, and asks them to make their change again on top of it
 * (the form below now holds the saved values). Takes focus so it is heard first.
 */
export function ConflictNotice({ conflict }: { conflict: Conflict }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [conflict]);
  const rows = conflictRows(conflict);
  const show = (spec: FieldSpec, value: unknown) => formatValue(t, i18n.language, spec, value) ?? t('activity:conflict.empty');
  return (
    <Alert variant="warning" ref={ref} tabIndex={-1} data-testid="edit-conflict">
      <VStack gap="space-12">
        <Heading level="2" size="small">
          {t('activity:conflict.heading')}
        </Heading>
        <BodyLong>{t('activity:conflict.what')}</BodyLong>
        {rows.length > 0 ? (
          <Table size="small">
            <caption className="aksel-sr-only">{t('activity:conflict.caption')}</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('activity:conflict.field')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('activity:conflict.mine')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('activity:conflict.saved')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((spec) => (
                <Table.Row key={spec.name}>
                  <Table.HeaderCell scope="row">{t(labelKey(spec))}</Table.HeaderCell>
                  <Table.DataCell style={{ overflowWrap: 'anywhere' }}>{show(spec, conflict.mine[spec.name])}</Table.DataCell>
                  <Table.DataCell style={{ overflowWrap: 'anywhere' }}>{show(spec, storedValue(conflict.current, spec.name))}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : (
          <BodyLong>{t('activity:conflict.sameContent')}</BodyLong>
        )}
        <BodyLong>{t('activity:conflict.redo')}</BodyLong>
      </VStack>
    </Alert>
  );
}
