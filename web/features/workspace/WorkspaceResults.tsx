import { Alert, BodyShort, Box, Button, Detail, HStack, Link, Pagination, Table, Tag, VStack } from '@navikt/ds-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { WorkspacePerson, WorkspaceResult } from '#common/schemas/workspace.ts';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { PageLoader } from '#web/components/PageLoader.tsx';
import { formatNationalId } from '#web/features/person/format.ts';
import { attentionOf, pageCount, type AttentionKey, type Scope } from './workspace-state.ts';
import '@navikt/ds-css/dist/component/pagination.css';
import '@navikt/ds-css/dist/component/table.css';

/** Below this width the list is cards instead of a table (a table of five columns does not fit a phone). */
const NARROW = '(max-width: 47.99rem)';

function useNarrow(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

const TAG_VARIANT: Record<AttentionKey, 'info' | 'warning' | 'error' | 'neutral' | 'success' | 'alt1'> = {
  unreadMessages: 'info',
  awaitingNav: 'warning',
  pastEndDate: 'error',
  unreadAdvanceNotices: 'warning',
  meetingsToday: 'alt1',
  new: 'success',
  goingPassive: 'neutral',
};

function AttentionTags({ person }: { person: WorkspacePerson }) {
  const { t } = useTranslation(['workspace']);
  const items = attentionOf(person);
  if (items.length === 0 && !person.manualFollowUp) {
    return <Detail as="span">{t('workspace:attention.nothing')}</Detail>;
  }
  return (
    <HStack as="ul" gap="space-4" wrap className="workspace-tags">
      {items.map((item) => (
        <li key={item.key}>
          <Tag size="xsmall" variant={TAG_VARIANT[item.key]}>
            {t(`workspace:attention.${item.key}`, { count: item.count })}
          </Tag>
        </li>
      ))}
      {person.manualFollowUp ? (
        <li>
          <Tag size="xsmall" variant="neutral">
            {t('workspace:attention.manual')}
          </Tag>
        </li>
      ) : null}
    </HStack>
  );
}

const nameOf = (person: WorkspacePerson) => `${person.givenName} ${person.familyName}`;

function PlanLink({ person }: { person: WorkspacePerson }) {
  return (
    <Link as={RouterLink} to={`/persons/${person.id}`} data-testid="workspace-person">
      {nameOf(person)}
    </Link>
  );
}

function DialogLink({ person }: { person: WorkspacePerson }) {
  const { t } = useTranslation(['workspace']);
  return (
    <Link as={RouterLink} to={`/persons/${person.id}/dialog`}>
      {t('workspace:table.dialog')}
      <span className="aksel-sr-only">{t('workspace:table.dialogOf', { name: nameOf(person) })}</span>
    </Link>
  );
}

function advisorName(person: WorkspacePerson, none: string): string {
  return person.assignedAdvisor ? (person.assignedAdvisor.name ?? person.assignedAdvisor.ident) : none;
}

function PersonTable({ persons }: { persons: WorkspacePerson[] }) {
  const { t } = useTranslation(['workspace']);
  return (
    <Table size="small" data-testid="workspace-table">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader scope="col">{t('workspace:table.name')}</Table.ColumnHeader>
          <Table.ColumnHeader scope="col">{t('workspace:table.nationalId')}</Table.ColumnHeader>
          <Table.ColumnHeader scope="col">{t('workspace:table.advisor')}</Table.ColumnHeader>
          <Table.ColumnHeader scope="col">{t('workspace:table.attention')}</Table.ColumnHeader>
          <Table.ColumnHeader scope="col">{t('workspace:table.dialogHeader')}</Table.ColumnHeader>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {persons.map((person) => (
            <Table.Row key={person.id}>
              <Table.HeaderCell scope="row">
                <PlanLink person={person} />
              </Table.HeaderCell>
              <Table.DataCell className="workspace-nowrap">{formatNationalId(person.nationalId)}</Table.DataCell>
              <Table.DataCell>{advisorName(person, t('workspace:table.noAdvisor'))}</Table.DataCell>
              <Table.DataCell>
                <AttentionTags person={person} />
              </Table.DataCell>
              <Table.DataCell>
                <DialogLink person={person} />
              </Table.DataCell>
            </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function PersonCards({ persons }: { persons: WorkspacePerson[] }) {
  const { t } = useTranslation(['workspace']);
  return (
    <Box as="ul" margin="space-0" padding="space-0" className="workspace-cards" data-testid="workspace-cards">
      {persons.map((person) => (
          <Box as="li" key={person.id} paddingBlock="space-12" borderWidth="0 0 1 0" borderColor="neutral-subtle">
            <VStack gap="space-4">
              <BodyShort weight="semibold">
                <PlanLink person={person} />
              </BodyShort>
              <BodyShort size="small">{t('workspace:card.nationalId', { nationalId: formatNationalId(person.nationalId) })}</BodyShort>
              <BodyShort size="small">{t('workspace:card.advisor', { name: advisorName(person, t('workspace:table.noAdvisor')) })}</BodyShort>
              <AttentionTags person={person} />
              <BodyShort size="small">
                <DialogLink person={person} />
              </BodyShort>
            </VStack>
          </Box>
      ))}
    </Box>
  );
}

interface Props {
  result: UseQueryResult<WorkspaceResult>;
  scope: Scope;
  page: number;
  /** Whether filters or a search narrow the list (an empty list then offers to clear them). */
  narrowed: boolean;
  onPage: (page: number) => void;
  onClear: () => void;
}

/** The list: how many, the persons (a table, or cards on a phone), the pager; or why there are none. */
export function WorkspaceResults({ result, scope, page, narrowed, onPage, onClear }: Props) {
  const { t } = useTranslation(['workspace']);
  const narrow = useNarrow();
  const data = result.data;
  if (result.isError && !data) {
    return (
      <VStack gap="space-8" align="start">
        <ApiErrorAlert error={result.error} />
        <Button size="small" variant="secondary" onClick={() => void result.refetch()}>
          {t('workspace:retry')}
        </Button>
      </VStack>
    );
  }
  if (!data) {
    return result.isPending && result.fetchStatus === 'idle' ? <BodyShort>{t('workspace:noOffice')}</BodyShort> : <PageLoader />;
  }
  const pages = pageCount(data.total, data.pageSize);
  return (
    <section aria-labelledby="workspace-count" aria-busy={result.isFetching || undefined}>
      <VStack gap="space-16">
        {/* A live region: the count is read out when the list changes. */}
        <div role="status">
          <BodyShort id="workspace-count" weight="semibold">
            {t('workspace:count', { count: data.total })}
          </BodyShort>
        </div>
        {result.isError ? <ApiErrorAlert error={result.error} /> : null}
        {data.persons.length === 0 ? (
          <Alert variant="info" data-testid="workspace-empty">
            <VStack gap="space-8" align="start">
              <BodyShort>{t(narrowed ? 'workspace:empty.narrowed' : `workspace:empty.${scope}`)}</BodyShort>
              {narrowed ? (
                <Button size="small" variant="secondary" onClick={onClear}>
                  {t('workspace:empty.clear')}
                </Button>
              ) : null}
            </VStack>
          </Alert>
        ) : narrow ? (
          <PersonCards persons={data.persons} />
        ) : (
          <PersonTable persons={data.persons} />
        )}
        {pages > 1 ? (
          <Pagination
            page={Math.min(page, pages)}
            count={pages}
            onPageChange={onPage}
            size="small"
            siblingCount={narrow ? 0 : 1}
            boundaryCount={1}
            srHeading={{ tag: 'h2', text: t('workspace:pages') }}
            data-testid="workspace-pages"
          />
        ) : null}
      </VStack>
    </section>
  );
}
