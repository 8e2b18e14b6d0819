import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '#server/clock.ts';
import { openDatabase, type Database } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { startLiveHub, type LiveHub, type LiveSubscriber } from './live.hub.ts';
import { publishLive, type LiveNotice } from './live.repository.ts';
import { openLiveStream, type LiveStreamOptions } from './live.stream.ts';

/**
 * The hub and one stream without HTTP, on the embedded database: NOTIFY only on commit, and a
 * stream that subscribes before it reads what was missed sends an event that comes both ways once.
 */
const clock = new ManualClock();
const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
let database: Database;
let personId: string;

beforeAll(async () => {
  database = await openDatabase({});
  await migrate(database);
  personId = randomUUID();
  await database.db
    .insertInto('person')
    .values({ id: personId, nationalId: '01010112345', givenName: 'Test', familyName: 'Person', officeId: '0219', registerRefreshedAt: clock.now() })
    .execute();
});
afterAll(() => database?.close());

const publish = (tx = database.db, audience: 'ALL' | 'NAV' = 'ALL') =>
  publishLive(tx, personId, { kind: 'plan.changed', audience, actorSide: 'NAV', payload: {} }, clock.now());

/** A stream of the test person with what every test here shares; each names its side, offices and where it starts. */
const streamOf = (hub: LiveHub, options: Pick<LiveStreamOptions, 'side' | 'kvpOffices' | 'after'> & Partial<LiveStreamOptions>) =>
  openLiveStream({ db: database.db, hub, clock, log, heartbeatMs: 60_000, personId, sessionId: null, loginHolds: async () => true, ...options });

async function lastId(): Promise<number> {
  const row = await database.db.selectFrom('live_event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
  return Number(row.id ?? 0);
}

describe('the hub', () => {
  it('hears an event when its transaction commits, and never one that rolls back', async () => {
    const hub = await startLiveHub(database, { clock, log, pruneEveryMs: 0 });
    const heard: LiveNotice[] = [];
    const stop = hub.subscribe(personId, { notice: (n) => heard.push(n), gap: () => undefined });
    await database.db
      .transaction()
      .execute(async (tx) => {
        await publish(tx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await publish();
    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]).toMatchObject({ id: await lastId(), personId, kind: 'plan.changed', audience: 'ALL', actorSide: 'NAV', payload: {} });
    stop();
    await publish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toHaveLength(1);
    expect(hub.subscriberCount()).toBe(0);
    await hub.close();
  });
});

describe('a stream', () => {
  /** A hub that hands over its subscriber, so the test decides when notices arrive. */
  function manualHub(): { hub: LiveHub; subscriber: () => LiveSubscriber } {
    let current: LiveSubscriber | null = null;
    return {
      hub: {
        subscribe: (_personId, subscriber) => {
          current = subscriber;
          return () => undefined;
        },
        watchSession: () => () => undefined,
        subscriberCount: () => (current ? 1 : 0),
        close: async () => undefined,
      },
      subscriber: () => current!,
    };
  }

  async function read(stream: { body: NodeJS.ReadableStream }, until: RegExp): Promise<string> {
    let text = '';
    for await (const chunk of stream.body) {
      text += String(chunk);
      if (until.test(text)) {
        return text;
      }
    }
    return text;
  }

  it('sends an event that arrives both live and in the backlog once, and one that arrives while catching up after it', async () => {
    const after = await lastId();
    await publish();
    const inBacklog = await lastId();
    const { hub, subscriber } = manualHub();
    const opening = streamOf(hub, { side: 'CITIZEN', kvpOffices: null, after });
    // While the stream reads the backlog: the same event by NOTIFY, one committed just after, and one only NAV may hear.
    const notice = (id: number, audience: 'ALL' | 'NAV' = 'ALL'): LiveNotice => ({ id, personId, kind: 'plan.changed', audience, actorSide: 'NAV', payload: {}, at: clock.now().toISOString() });
    subscriber().notice(notice(inBacklog));
    subscriber().notice(notice(inBacklog + 1, 'NAV'));
    subscriber().notice(notice(inBacklog + 2));
    const stream = await opening;
    const text = await read(stream, new RegExp(`id: ${inBacklog + 2}\\n`));
    stream.end('shutdown');
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual([inBacklog, inBacklog + 2]);
  });

  it('does not send a reconnecting client a notice it has seen that reaches the hub late, and withholds KVP content of other offices', async () => {
    await publish();
    const seen = await lastId();
    const { hub, subscriber } = manualHub();
    const stream = await streamOf(hub, { side: 'NAV', kvpOffices: ['0219'], after: seen });
    const notice = (id: number, kvpOfficeId: string | null = null): LiveNotice => ({ id, personId, kind: 'plan.changed', audience: 'ALL', actorSide: 'NAV', payload: {}, at: clock.now().toISOString(), kvpOfficeId });
    subscriber().notice(notice(seen));
    subscriber().notice(notice(seen + 1, '4601'));
    subscriber().notice(notice(seen + 2, '0219'));
    subscriber().notice(notice(seen + 3));
    const text = await read(stream, new RegExp(`id: ${seen + 3}\\n`));
    stream.end('shutdown');
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual([seen + 2, seen + 3]);
  });

  it('ends with session.ended when the login no longer holds at a heartbeat', async () => {
    const { hub } = manualHub();
    let holds = true;
    const stream = await streamOf(hub, { side: 'NAV', kvpOffices: ['0219'], after: null, heartbeatMs: 20, loginHolds: async () => holds });
    const reading = read(stream, /event: session\.ended\n/);
    holds = false;
    expect(await reading).toMatch(/: heartbeat\n\n[\s\S]*event: session\.ended\ndata: \{"id":"","kind":"session\.ended"/);
  });
});
