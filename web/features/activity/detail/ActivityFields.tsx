import { BodyLong, Label, Link, VStack } from '@navikt/ds-react';
import { ExternalLinkIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import type { Activity } from '#common/schemas/activity.ts';
import { FIELD_SPECS, labelKey, storedValue, type FieldSpec, type FormType } from '../forms/field-specs.ts';
import { safeHref } from './format.ts';
import { formatValue } from './format-value.ts';

export function SafeLink({ value }: { value: string }) {
  const { t } = useTranslation();
  const href = safeHref(value);
  if (!href) {
    return <>{value}</>;
  }
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer">
      {value} <span className="aksel-sr-only">{t('activity:detail.opensInNewTab')}</span>
      <ExternalLinkIcon aria-hidden />
    </Link>
  );
}

export interface Fact {
  label: string;
  value: React.ReactNode;
}

/** Label/value pairs as a description list; long text keeps its line breaks. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <VStack as="dl" gap="space-12" style={{ margin: 0 }}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <Label as="dt">{fact.label}</Label>
          <BodyLong as="dd" style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {fact.value}
          </BodyLong>
        </div>
      ))}
    </VStack>
  );
}

/** Every field of the activity's type that has a value, in the form's order. */
export function ActivityFields({ activity }: { activity: Activity & { type: FormType } }) {
  const { t, i18n } = useTranslation();
  const facts: Fact[] = [];
  FIELD_SPECS[activity.type]
    // The title is the page's heading already.
    .filter((spec: FieldSpec) => !spec.createOnly && spec.name !== 'title')
    .forEach((spec) => {
      const raw = storedValue(activity, spec.name);
      const text = formatValue(t, i18n.language, spec, raw);
      if (text !== null) {
        facts.push({ label: t(labelKey(spec)), value: spec.kind === 'link' ? <SafeLink value={text} /> : text });
      }
    });
  if (facts.length === 0) {
    return null;
  }
  return <FactList facts={facts} />;
}
