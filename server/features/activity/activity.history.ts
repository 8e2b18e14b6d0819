import { formatDate, translate, type Language } from '#common/i18n/catalogue.ts';
import type { HistoryEntry, ChangeKind } from '#common/schemas/activity.ts';
import { presentChangedBy, type Viewer } from './activity.presenter.ts';
import type { ActivityVersionRow } from './activity.repository.ts';

const COMPARED = ['status', 'title', 'description', 'fromDate', 'toDate', 'link', 'applicationStatus', 'agreedWithNav', 'closingReason'] as const;

function diff(previous: ActivityVersionRow | undefined, current: ActivityVersionRow, hideSummary: boolean): HistoryEntry['changes'] {
  if (!previous) {
    return [];
  }
  const changes: HistoryEntry['changes'] = [];
  for (const field of COMPARED) {
    if (previous[field] !== current[field]) {
      changes.push({ field, from: previous[field], to: current[field] });
    }
  }
  const keys = new Set([...Object.keys(previous.details), ...Object.keys(current.details)]);
  for (const key of keys) {
    if (hideSummary && key === 'summary') {
      continue;
    }
    const from = previous.details[key] ?? null;
    const to = current.details[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) {
      changes.push({ field: `details.${key}`, from, to });
    }
  }
  return changes;
}

function actorLabel(viewer: Viewer, language: Language, role: string, ident: string | null): string {
  switch (role) {
    case 'CITIZEN':
      return translate(language, viewer.side === 'CITIZEN' ? 'actor.citizenSelf' : 'actor.citizenOther');
    case 'ADVISOR':
      // Advisors see which colleague; the citizen sees NAV.
      return viewer.side === 'NAV' && ident ? ident : translate(language, 'actor.nav');
    case 'EMPLOYER':
      return translate(language, 'actor.employer');
    default:
      return translate(language, 'actor.system');
  }
}

function sentence(language: Language, actor: string, version: ActivityVersionRow, previous: ActivityVersionRow | undefined): string {
  const kind = version.changeKind as ChangeKind;
  const date = (value: string | null) => (value ? formatDate(language, value) : translate(language, 'history.noDate'));
  switch (kind) {
    case 'CREATED':
      return translate(language, version.proposedBy === 'ADVISOR' && version.status === 'SUGGESTED' ? 'history.CREATED_SUGGESTED' : 'history.CREATED', { actor });
    case 'STATUS_CHANGED':
      return translate(language, 'history.STATUS_CHANGED', {
        actor,
        from: translate(language, `status.${previous?.status ?? version.status}`),
        to: translate(language, `status.${version.status}`),
      });
    case 'END_DATE_CHANGED':
      return translate(language, 'history.END_DATE_CHANGED', { actor, from: date(previous?.toDate ?? null), to: date(version.toDate) });
    case 'APPLICATION_STATUS_CHANGED':
      return translate(language, 'history.APPLICATION_STATUS_CHANGED', {
        actor,
        to: translate(language, `applicationStatus.${version.applicationStatus ?? 'NONE'}`),
      });
    case 'AGREED': {
      const notice = version.advanceNotice as { type?: string } | null;
      return translate(language, notice && notice.type !== 'NONE' ? 'history.AGREED_WITH_NOTICE' : 'history.AGREED', { actor });
    }
    default:
      return translate(language, `history.${kind}`, { actor });
  }
}

/**
 * The history of an activity, newest first, told for the viewer's side: the citizen sees "NAV"
 * for any advisor and no drafts of summaries that are not shared.
 */
export function buildHistory(viewer: Viewer, language: Language, versions: ActivityVersionRow[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  versions.forEach((version, index) => {
    const previous = index > 0 ? versions[index - 1] : undefined;
    const hideSummary = viewer.side === 'CITIZEN' && version.details.summaryShared !== true;
    if (viewer.side === 'CITIZEN' && version.changeKind === 'SUMMARY_SAVED' && hideSummary) {
      return;
    }
    const actor = actorLabel(viewer, language, version.changedByRole, version.changedByIdent);
    entries.push({
      version: version.version,
      at: version.changedAt.toISOString(),
      changedBy: presentChangedBy(viewer, version.changedByRole, version.changedByIdent),
      kind: version.changeKind as ChangeKind,
      changes: diff(previous, version, hideSummary),
      sentence: sentence(language, actor, version, previous),
    });
  });
  return entries.reverse();
}
