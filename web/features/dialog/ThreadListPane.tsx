import { PlusIcon } from '@navikt/aksel-icons';
import { BodyLong, BodyShort, Button, Chips, Detail, GuidePanel, Heading, Select, VStack } from '@navikt/ds-react';
import type { TFunction } from 'i18next';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDate, isLanguage, type Language } from '#common/i18n/languages.ts';
import type { Activity } from '#common/schemas/activity.ts';
import type { ThreadList, ThreadSummary } from '#common/schemas/dialog.ts';
import type { Period } from '#common/schemas/plan.ts';
import { osloDate } from '#common/time.ts';
import { activityTitle } from '#web/features/status/activity-title.ts';
import { filterCounts, THREAD_FILTERS, visibleThreads, type ListChoice, type ThreadFilter } from './thread-filters.ts';
import { ThreadTags } from './ThreadTags.tsx';
import '@navikt/ds-css/dist/component/chips.css';
import '@navikt/ds-css/dist/component/guidepanel.css';

export const THREAD_LIST_HEADING_ID = 'dialog-threads-heading';

interface Props {
  list: ThreadList;
  periods: Period[];
  activities: ReadonlyMap<string, Activity>;
  role: 'citizen' | 'advisor';
  base: string;
  search: string;
  openId: string | null;
  choice: ListChoice;
  /** The period shown (null: the current one). */
  periodId: string | null;
  onChoose: (name: 'filter' | 'activity' | 'period', value: string | null) => void;
  /** Whether "new thread" is offered (the caller may send, and the current period is shown). */
  canStart: boolean;
}

const day = (language: Language, instant: string) => formatDate(language, osloDate(new Date(instant)));

function periodName(period: Period, language: Language, t: TFunction): string {
  const from = day(language, period.startedAt);
  return period.current || !period.endedAt ? t('dialog:list.periodCurrent', { from }) : t('dialog:list.periodEnded', { from, to: day(language, period.endedAt) });
}

function ThreadRow({ thread, activity, role, to, open, language }: { thread: ThreadSummary; activity: Activity | undefined; role: Props['role']; to: string; open: boolean; language: Language }) {
  const { t } = useTranslation(['dialog', 'domain']);
  return (
    <li>
      <RouterLink to={to} className={`dialog-row${open ? ' dialog-row--open' : ''}${thread.unreadCount > 0 ? ' dialog-row--unread' : ''}`} aria-current={open ? 'page' : undefined} data-testid="thread-row" data-thread-id={thread.id}>
        {activity ? (
          <Detail as="span" className="dialog-row__type">
            {t(`domain:activityType.${activity.type}`)}
          </Detail>
        ) : null}
        <BodyShort as="span" weight="semibold" className="dialog-row__subject">
          {thread.subject}
        </BodyShort>
        <Detail as="span" className="dialog-row__meta">
          {t('dialog:list.lastMessage', { date: day(language, thread.lastMessageAt) })}
        </Detail>
        {thread.unreadCount > 0 ? (
          <span className="dialog-row__unread" data-testid="thread-unread">
            <span aria-hidden>{thread.unreadCount}</span>
            <span className="aksel-sr-only">{t('dialog:list.unread', { count: thread.unreadCount })}</span>
          </span>
        ) : null}
        <ThreadTags thread={thread} role={role} inline />
      </RouterLink>
    </li>
  );
}

/** The threads of a period, newest first (a warning in force on top), with the filters. */
export function ThreadListPane({ list, periods, activities, role, base, search, openId, choice, periodId, onChoose, canStart }: Props) {
  const { t, i18n } = useTranslation(['dialog', 'domain']);
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const filterLabelId = useId();
  const shown = visibleThreads(list.threads, choice, role, openId);
  const counts = filterCounts(list.threads, choice, role);
  const aboutActivities = useMemo(
    () => list.threads.filter((thread) => thread.activityId !== null).map((thread) => ({ id: thread.activityId!, name: activities.get(thread.activityId!) ? activityTitle(activities.get(thread.activityId!)!, t) : thread.subject })),
    [list.threads, activities, t],
  );
  const current = periods.find((period) => period.current);

  return (
    <nav className="dialog-threads" aria-labelledby={THREAD_LIST_HEADING_ID} data-testid="thread-list">
      <VStack gap="space-12">
        <Heading level="2" size="small" id={THREAD_LIST_HEADING_ID} tabIndex={-1}>
          {t('dialog:list.heading')}
        </Heading>
        {canStart ? (
          <Button as={RouterLink} to={`${base}/dialog/new`} variant="secondary" size="small" icon={<PlusIcon aria-hidden />} className="dialog-threads__new">
            {t('dialog:list.new')}
          </Button>
        ) : null}
        {periods.length > 1 ? (
          <Select label={t('dialog:list.period')} size="small" value={periodId ?? current?.id ?? ''} onChange={(event) => onChoose('period', event.target.value === current?.id ? null : event.target.value)}>
            {periods.map((period) => (
              <option key={period.id} value={period.id}>
                {periodName(period, language, t)}
              </option>
            ))}
          </Select>
        ) : null}
        {list.threads.length > 0 ? (
          <div role="group" aria-labelledby={filterLabelId}>
            <BodyShort id={filterLabelId} size="small" weight="semibold" spacing>
              {t('dialog:list.filterLabel')}
            </BodyShort>
            <Chips size="small">
              {THREAD_FILTERS.map((filter: ThreadFilter) => (
                <Chips.Toggle key={filter} selected={choice.filter === filter} onClick={() => onChoose('filter', filter)} data-testid={`thread-filter-${filter}`}>
                  {t(filter === 'awaiting' ? `dialog:list.filter.awaiting.${role}` : `dialog:list.filter.${filter}`, { count: counts[filter] })}
                </Chips.Toggle>
              ))}
            </Chips>
          </div>
        ) : null}
        {aboutActivities.length > 0 ? (
          <Select label={t('dialog:list.activity')} size="small" value={choice.activityId ?? ''} onChange={(event) => onChoose('activity', event.target.value || null)}>
            <option value="">{t('dialog:list.allActivities')}</option>
            {aboutActivities.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </Select>
        ) : null}
        {list.threads.length === 0 ? (
          <GuidePanel poster={false} data-testid="dialog-empty">
            <BodyLong>{t(periodId ? 'dialog:list.emptyEarlier' : `dialog:list.empty.${role}`)}</BodyLong>
          </GuidePanel>
        ) : shown.length === 0 ? (
          <BodyShort>{t('dialog:list.noneMatch')}</BodyShort>
        ) : (
          <ul className="dialog-threads__list">
            {shown.map((thread) => (
              <ThreadRow
                key={thread.id}
                thread={thread}
                activity={thread.activityId ? activities.get(thread.activityId) : undefined}
                role={role}
                to={`${base}/dialog/${thread.id}${search}`}
                open={thread.id === openId}
                language={language}
              />
            ))}
          </ul>
        )}
      </VStack>
    </nav>
  );
}
