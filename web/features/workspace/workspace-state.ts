import { WORKSPACE_FILTERS, WORKSPACE_SORTS, type WorkspaceFilter, type WorkspaceQueryInput, type WorkspacePerson } from '#common/schemas/workspace.ts';

/**
 * What the workspace shows, as it stands in the address: tab, office, filters, sorting and page.
 * The search text is not here: it may hold a name or a national id, which never go in a URL (it
 * lives in the page's state and is sent in the POST body).
 */
export type Scope = 'MINE' | 'OFFICE';
export type Sort = (typeof WORKSPACE_SORTS)[number];
export const PAGE_SIZE = 25;

export interface WorkspaceView {
  scope: Scope;
  officeId: string | null;
  filters: WorkspaceFilter[];
  sort: Sort;
  order: 'ASC' | 'DESC';
  page: number;
}

const isFilter = (value: string): value is WorkspaceFilter => (WORKSPACE_FILTERS as readonly string[]).includes(value);
const isSort = (value: string | null): value is Sort => value !== null && (WORKSPACE_SORTS as readonly string[]).includes(value);

/** Reads the view from the address; anything unknown falls back to the default (my people, by name). */
export function readView(params: URLSearchParams, offices: readonly string[]): WorkspaceView {
  const office = params.get('office');
  const page = Number(params.get('page'));
  return {
    scope: params.get('scope') === 'office' ? 'OFFICE' : 'MINE',
    officeId: office && offices.includes(office) ? office : (offices[0] ?? null),
    // In the order of WORKSPACE_FILTERS, each once, so that the same choice is the same query.
    filters: WORKSPACE_FILTERS.filter((filter) => params.getAll('filter').includes(filter)),
    sort: isSort(params.get('sort')) ? (params.get('sort') as Sort) : 'NAME',
    order: params.get('order') === 'desc' ? 'DESC' : 'ASC',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Writes the view into the address, leaving defaults out. A change of anything but the page starts at page 1. */
export function writeView(view: WorkspaceView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.scope === 'OFFICE') {
    params.set('scope', 'office');
    if (view.officeId) {
      params.set('office', view.officeId);
    }
  }
  for (const filter of view.filters) {
    params.append('filter', filter);
  }
  if (view.sort !== 'NAME') {
    params.set('sort', view.sort);
  }
  if (view.order === 'DESC') {
    params.set('order', 'desc');
  }
  if (view.page > 1) {
    params.set('page', String(view.page));
  }
  return params;
}

export function changeView(view: WorkspaceView, change: Partial<Omit<WorkspaceView, 'page'>>): WorkspaceView {
  return { ...view, ...change, page: 1 };
}

export function toggleFilter(view: WorkspaceView, filter: string): WorkspaceView {
  if (!isFilter(filter)) {
    return view;
  }
  const on = view.filters.includes(filter);
  return changeView(view, { filters: WORKSPACE_FILTERS.filter((f) => (f === filter ? !on : view.filters.includes(f))) });
}

/** The POST body for the view and the search text (an empty search is no search). */
export function toQuery(view: WorkspaceView, search: string): WorkspaceQueryInput {
  const text = search.trim();
  return {
    scope: view.scope,
    ...(view.scope === 'OFFICE' && view.officeId ? { officeId: view.officeId } : {}),
    filters: view.filters,
    ...(text ? { search: text } : {}),
    sort: view.sort,
    order: view.order,
    page: view.page,
    pageSize: PAGE_SIZE,
  };
}

/** The things that need attention about one person, each a key of workspace:attention with its count (1 for yes/no). */
export type AttentionKey = 'unreadMessages' | 'awaitingNav' | 'pastEndDate' | 'unreadAdvanceNotices' | 'meetingsToday' | 'new' | 'goingPassive';

export function attentionOf(person: Pick<WorkspacePerson, 'attention'>): { key: AttentionKey; count: number }[] {
  const a = person.attention;
  const items: { key: AttentionKey; count: number }[] = [
    { key: 'unreadMessages', count: a.unreadMessages },
    { key: 'awaitingNav', count: a.awaitingNav ? 1 : 0 },
    { key: 'pastEndDate', count: a.pastEndDate },
    { key: 'unreadAdvanceNotices', count: a.unreadAdvanceNotices },
    { key: 'meetingsToday', count: a.meetingsToday },
    { key: 'new', count: a.new ? 1 : 0 },
    { key: 'goingPassive', count: a.goingPassive ? 1 : 0 },
  ];
  return items.filter((item) => item.count > 0);
}

/** How many pages the total makes (at least one, so the pager never shows page 1 of 0). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
