import { BodyLong, BodyShort, Chips, Heading, HStack, Link, Search, Select, Tabs, VStack } from '@navikt/ds-react';
import { useId, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { WORKSPACE_FILTERS, WORKSPACE_SORTS } from '#common/schemas/workspace.ts';
import { useDocumentTitle } from '#web/lib/document-title.ts';
import { useMe } from '#web/lib/queries.ts';
import { useWorkspace } from './workspace-api.ts';
import { changeView, readView, toggleFilter, toQuery, writeView, type Scope, type Sort, type WorkspaceView } from './workspace-state.ts';
import { WorkspaceResults } from './WorkspaceResults.tsx';
import '@navikt/ds-css/dist/component/chips.css';
import '@navikt/ds-css/dist/component/tabs.css';
import './workspace.css';

/** The server's bound for a search (common/schemas/workspace.ts), told beside the field at once. */
const MAX_SEARCH = 100;

/**
 * The advisor's front page: "my people" and "my office's people" with what needs attention,
 * filters with counts, sorting, paging and a search by name or national id (sent in the POST
 * body, kept only in this page's state). A person's name leads to their plan, a second link to
 * their dialog. Finding someone without a current period is the person search's (/find).
 */
export default function WorkspacePage() {
  const { t } = useTranslation(['workspace']);
  useDocumentTitle(t('workspace:title'));
  const me = useMe();
  const offices = me.data?.role === 'advisor' ? me.data.offices : [];
  const [params, setParams] = useSearchParams();
  const view = readView(params, offices.map((o) => o.id));
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [searchError, setSearchError] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);
  const filterLabel = useId();
  const canList = view.scope === 'MINE' || Boolean(view.officeId);
  const result = useWorkspace(toQuery(view, search), canList);
  const counts = result.data?.counts;

  const show = (next: WorkspaceView) => setParams(writeView(next), { replace: true });
  const office = offices.find((o) => o.id === view.officeId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = searchText.trim();
    const tooLong = text.length > MAX_SEARCH;
    setSearchError(tooLong);
    if (tooLong) {
      fieldRef.current?.focus();
      return;
    }
    setSearch(text);
    show(changeView(view, {}));
  }

  const content: ReactNode = (
    <VStack gap="space-20" paddingBlock="space-20 space-0">
      {view.scope === 'OFFICE' && offices.length > 1 ? (
        <Select label={t('workspace:office')} value={view.officeId ?? ''} onChange={(event) => show(changeView(view, { officeId: event.target.value }))} style={{ maxWidth: '24rem' }}>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name ?? o.id}
            </option>
          ))}
        </Select>
      ) : null}

      <form role="search" method="post" onSubmit={submit} noValidate className="workspace-search">
        <Search
          // Aksel types the ref as its wrapper, but hands it to the input: focus goes there on an error.
          ref={fieldRef as unknown as Ref<HTMLDivElement>}
          label={t('workspace:search.label')}
          description={t('workspace:search.description')}
          hideLabel={false}
          variant="secondary"
          value={searchText}
          onChange={(value) => {
            setSearchText(value);
            setSearchError(false);
          }}
          onClear={() => {
            setSearchText('');
            setSearch('');
          }}
          clearButtonLabel={t('workspace:search.clear')}
          error={searchError ? t('workspace:search.tooLong', { max: MAX_SEARCH }) : undefined}
          autoComplete="off"
          spellCheck={false}
          name="search"
        >
          <Search.Button>{t('workspace:search.submit')}</Search.Button>
        </Search>
      </form>

      <div role="group" aria-labelledby={filterLabel} data-testid="workspace-filters">
        <BodyShort id={filterLabel} weight="semibold" spacing>
          {t('workspace:filters.label')}
        </BodyShort>
        <Chips>
          {WORKSPACE_FILTERS.map((filter) => (
            <Chips.Toggle key={filter} selected={view.filters.includes(filter)} onClick={() => show(toggleFilter(view, filter))} data-testid={`workspace-filter-${filter}`}>
              {counts ? t('workspace:filters.withCount', { name: t(`workspace:filters.${filter}`), n: counts[filter] ?? 0 }) : t(`workspace:filters.${filter}`)}
            </Chips.Toggle>
          ))}
        </Chips>
        {result.data ? (
          <BodyShort size="small" className="workspace-note">
            {t('workspace:filters.passiveNote', { days: result.data.passiveAfterDays })}
          </BodyShort>
        ) : null}
      </div>

      <HStack gap="space-16" align="end" wrap>
        <Select label={t('workspace:sort.label')} size="small" value={view.sort} onChange={(event) => show(changeView(view, { sort: event.target.value as Sort }))}>
          {WORKSPACE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`workspace:sort.${sort}`)}
            </option>
          ))}
        </Select>
        <Select label={t('workspace:sort.order')} size="small" value={view.order} onChange={(event) => show(changeView(view, { order: event.target.value === 'DESC' ? 'DESC' : 'ASC' }))}>
          <option value="ASC">{t('workspace:sort.ASC')}</option>
          <option value="DESC">{t('workspace:sort.DESC')}</option>
        </Select>
      </HStack>

      <WorkspaceResults
        result={result}
        scope={view.scope}
        page={view.page}
        narrowed={view.filters.length > 0 || search !== ''}
        onPage={(page) => show({ ...view, page })}
        onClear={() => {
          setSearchText('');
          setSearch('');
          show(changeView(view, { filters: [] }));
        }}
      />
    </VStack>
  );

  return (
    <VStack gap="space-16">
      <VStack gap="space-8">
        <Heading level="1" size="large">
          {t('workspace:title')}
        </Heading>
        <BodyLong>{t('workspace:intro')}</BodyLong>
        <HStack gap="space-16" wrap>
          <Link as={RouterLink} to="/find">
            {t('workspace:findPerson')}
          </Link>
          {view.scope === 'OFFICE' && office ? (
            <Link as={RouterLink} to={`/offices/${office.id}/settings`}>
              {t('workspace:settingsLink', { office: office.name ?? office.id })}
            </Link>
          ) : null}
        </HStack>
      </VStack>
      <Tabs value={view.scope} onChange={(scope) => show(changeView(view, { scope: scope as Scope }))}>
        <Tabs.List>
          <Tabs.Tab value="MINE" label={t('workspace:tabs.MINE')} />
          <Tabs.Tab value="OFFICE" label={t('workspace:tabs.OFFICE')} />
        </Tabs.List>
        <Tabs.Panel value="MINE">{view.scope === 'MINE' ? content : null}</Tabs.Panel>
        <Tabs.Panel value="OFFICE">{view.scope === 'OFFICE' ? content : null}</Tabs.Panel>
      </Tabs>
    </VStack>
  );
}
