/**
 * The worker claims pending outbox events oldest first (`order by id limit n`). The index on
 * "availableAt" gave it every pending event to sort on each claim, which with a backlog (a burst
 * of messages: 25,000 pending events) cost 9 ms and 2,000 buffer reads per claim of 20, and more
 * the larger the backlog. Pending events indexed by id are read in claim order and the claim stops
 * after n; an event held back for a retry ("availableAt" ahead) is stepped over.
 */
export const up = /* sql */ `
  drop index outbox_pending_idx;
  create index outbox_pending_idx on outbox (id) where "processedAt" is null;
`;
