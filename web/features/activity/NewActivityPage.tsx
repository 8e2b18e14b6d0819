import { ArrowLeftIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, Heading, Link as AkselLink, VStack } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ActivityType } from '#common/activity-kinds.ts';
import type { Activity } from '#common/schemas/activity.ts';
import { usePlanScope } from '#web/app/scope.tsx';
import { PageLoader } from '#web/components/PageLoader.tsx';
import { api } from '#web/lib/api-client.ts';
import { useDocumentTitle } from '#web/lib/document-title.ts';
import { invalidatePerson, usePlan } from '#web/lib/queries.ts';
import { ActivityForm } from './forms/ActivityForm.tsx';
import { isFormType, type FormType } from './forms/field-specs.ts';
import { createDefaults } from './forms/form-model.ts';
import { creatableTypes, TypeChooser } from './TypeChooser.tsx';

/**
 * "Add activity": first the type (those this side may create), then that type's form. The chosen
 * type is in the address (?type=…) so that the browser's back button returns to the choice.
 */
export default function NewActivityPage() {
  const { personId, role, base } = usePlanScope();
  const { t } = useTranslation(['activity', 'domain']);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const plan = usePlan(personId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const asked = params.get('type') as ActivityType | null;
  const type: FormType | null = asked && creatableTypes(role).includes(asked) && isFormType(asked) ? asked : null;
  useDocumentTitle(type ? t('activity:new.titleWithType', { type: t(`domain:activityType.${type}`) }) : t('activity:new.title'));
  // Each step starts at its heading, for screen readers and keyboards alike.
  useEffect(() => headingRef.current?.focus(), [type]);

  const back = base || '/';
  if (plan.isPending) {
    return <PageLoader />;
  }

  const create = async (values: Record<string, unknown>) => {
    const created = await api.post<Activity>(`/api/persons/${personId}/activities`, values);
    await invalidatePerson(client, personId);
    await navigate(`${base}/activities/${created.id}`, { state: { flash: t('activity:flash.created', { type: t(`domain:activityType.${created.type}`) }) } });
  };

  return (
    <>
      <VStack gap="space-24" style={{ maxWidth: '40rem' }}>
        <AkselLink as={Link} to={type ? '?' : back}>
          <ArrowLeftIcon aria-hidden />
          {type ? t('activity:new.otherType') : t('activity:detail.back')}
        </AkselLink>
        <Heading level="1" size="large" ref={headingRef} tabIndex={-1}>
          {type ? t('activity:new.titleWithType', { type: t(`domain:activityType.${type}`) }) : t('activity:new.title')}
        </Heading>
        {plan.data && !plan.data.writable ? (
          <Alert variant="info">{t(`activity:new.readOnly.${role}`)}</Alert>
        ) : type ? (
          <>
            <BodyLong>{t(`activity:typeIntro.${type}`)}</BodyLong>
            <BodyLong size="small">{t('activity:new.requiredNote')}</BodyLong>
            <ActivityForm
              key={type}
              resolver={{ mode: 'create' }}
              defaultValues={createDefaults(type)}
              role={role}
              submitLabel={t('activity:new.submit')}
              onSubmit={create}
              onCancel={() => void navigate(back)}
            />
          </>
        ) : (
          <TypeChooser role={role} initial={null} onChoose={(chosen) => setParams({ type: chosen })} />
        )}
      </VStack>
    </>
  );
}
