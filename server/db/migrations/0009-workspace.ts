/**
 * The advisor workspace (issue 5, product.md C4): indexes that let the list compute what needs
 * attention for every person of an office in one statement without reading their activities and
 * threads one row at a time. Each is partial, holding only the rows that can raise a flag, and
 * carries the columns the list checks (period, KVP office) so that most probes never visit the table.
 *
 * - `activity_open_end_idx`: activities not in a final status that have an end date ("past end date").
 * - `activity_unread_notice_idx`: agreed activities, not final, whose advance notice the citizen
 *   has not confirmed reading.
 * - `activity_meeting_day_idx`: meetings not cancelled, by their start date in Europe/Oslo (a
 *   meeting's `fromDate` is the Oslo date of its start instant), for "meetings today".
 * - `thread_needs_nav_idx`: threads with messages NAV has not read, or awaiting NAV.
 */
export const up = /* sql */ `
  create index activity_open_end_idx on activity ("personId", "toDate") include ("periodId", "kvpOfficeId")
    where status not in ('COMPLETED', 'CANCELLED') and "toDate" is not null;

  create index activity_unread_notice_idx on activity ("personId") include ("periodId", "kvpOfficeId")
    where "agreedWithNav" and status not in ('COMPLETED', 'CANCELLED') and "advanceNotice" is not null
      and "advanceNotice"->>'type' <> 'NONE' and "advanceNotice"->>'readAt' is null;

  create index activity_meeting_day_idx on activity ("fromDate", "personId") include ("periodId", "kvpOfficeId")
    where type = 'MEETING' and status <> 'CANCELLED';

  create index thread_needs_nav_idx on thread ("personId") include ("periodId", "kvpOfficeId", "unreadForNav", "awaitingNavSince")
    where "unreadForNav" > 0 or "awaitingNavSince" is not null;
`;
