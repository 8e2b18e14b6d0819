/**
 * KVP in live updates (issue 5, product.md C3): a live event about content made during a KVP
 * period (an activity, a thread or a message stamped with a KVP office) carries that office, so
 * that the stream and the catch-up read withhold it from advisors at other offices, as the reads
 * themselves do. Null: not KVP content. Events are pruned after a day; existing ones stay null.
 */
export const up = /* sql */ `
  alter table live_event add column "kvpOfficeId" text;
`;
