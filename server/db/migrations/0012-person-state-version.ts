/**
 * A write decides on the person's state (current period, digital or manual, an open KVP period)
 * read in the statement that takes the person's row lock (`getStateByIdForUpdate`,
 * `getWithStateForUpdate`). Under READ COMMITTED a statement that waits for a row lock reads the
 * other tables as of its start: a write queued behind the end of the period still saw the period
 * open and wrote into a read-only plan. The facts of the state live in three tables; any change to
 * them now also counts up `person."stateVersion"`, which gives the person's row a new version. A
 * locking statement that waited gets that new version of the row while its subqueries still read
 * the old one, so comparing the two says the state it read is stale, and the caller reads it
 * again, holding the lock (person-state.ts). The trigger runs in the transaction that changes the
 * state, which holds the person's lock already.
 */
export const up = /* sql */ `
  alter table person add column "stateVersion" integer not null default 0;

  create function person_state_changed() returns trigger language plpgsql as $$
  begin
    update person set "stateVersion" = "stateVersion" + 1 where id = new."personId";
    return null;
  end $$;
  create trigger follow_up_period_state after insert or update on follow_up_period
    for each row execute function person_state_changed();
  create trigger manual_follow_up_log_state after insert on manual_follow_up_log
    for each row execute function person_state_changed();
  create trigger kvp_period_state after insert or update on kvp_period
    for each row execute function person_state_changed();
`;
