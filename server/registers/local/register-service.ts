import { setTimeout as delay } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecordStore, type Keyed } from './record-store.ts';

/**
 * What the person register and the contact register stand-ins have in common: a record store, a
 * lookup by national id in the body (never in the URL), bulk upsert for seeding, and a switch that
 * makes lookups slow or failing so that tests can see how the app copes with a register in trouble.
 */
export const NationalIdSchema = z.string().regex(/^\d{11}$/, 'eleven digits');

const LookupBodySchema = z.object({ nationalId: NationalIdSchema });

const BehaviourSchema = z.object({
  mode: z.enum(['normal', 'slow', 'down']),
  delayMs: z.number().int().min(0).max(120_000).optional(),
});
export type RegisterBehaviour = z.infer<typeof BehaviourSchema>;

/** 'slow' without a delay waits longer than any sensible client timeout. */
const DEFAULT_SLOW_DELAY_MS = 5_000;

/** Bulk upsert chunks of 10,000 records are ~2 MB of JSON; leave room for larger chunks. */
const BODY_LIMIT_BYTES = 64 * 1024 * 1024;

export interface LocalRegisterService<T extends Keyed> {
  app: FastifyInstance;
  store: RecordStore<T>;
  /** Starts listening on 127.0.0.1 with an ephemeral port; returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface RegisterServiceOptions<T extends Keyed> {
  /** Path segment: `/persons/lookup`, `/admin/persons`, … */
  resource: 'persons' | 'contacts';
  recordSchema: z.ZodType<T>;
  /** JSON-lines file of the records; undefined keeps them in memory only. */
  file: string | undefined;
}

export async function createLocalRegisterService<T extends Keyed>(options: RegisterServiceOptions<T>): Promise<LocalRegisterService<T>> {
  const { resource, recordSchema } = options;
  const store = await RecordStore.open<T>(options.file, (value) => {
    const parsed = recordSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
  const UpsertBodySchema = z.object({ [resource]: z.array(recordSchema).max(100_000) });

  let behaviour: RegisterBehaviour = { mode: 'normal' };
  let lookups = 0;
  // Aborted on close, so that lookups held back by 'slow' do not keep the process alive.
  const closing = new AbortController();

  const app = Fastify({
    // No logger at all (so no request logging): a register's traffic is national ids and what is
    // known about them.
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // A test that stops a slow register must not wait for the held-back answers.
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('onClose', async () => closing.abort());

  app.get('/health', async () => ({ status: 'ok', mode: behaviour.mode, records: store.size }));

  app.post(`/${resource}/lookup`, { schema: { body: LookupBodySchema } }, async (request, reply) => {
    lookups++;
    if (behaviour.mode === 'down') {
      return reply.code(503).send({ error: 'unavailable' });
    }
    if (behaviour.mode === 'slow') {
      await delay(behaviour.delayMs ?? DEFAULT_SLOW_DELAY_MS, undefined, { signal: closing.signal, ref: false });
    }
    const record = store.get(request.body.nationalId);
    if (!record) {
      return reply.code(404).send({ error: 'not_found' });
    }
    return record;
  });

  app.put(`/admin/${resource}`, { schema: { body: UpsertBodySchema } }, async (request) => {
    const records = (request.body as Record<string, T[]>)[resource] ?? [];
    await store.upsert(records);
    return { upserted: records.length, count: store.size };
  });

  app.get(`/admin/${resource}/count`, async () => ({ count: store.size }));

  app.put('/admin/behaviour', { schema: { body: BehaviourSchema } }, async (request) => {
    behaviour = request.body;
    return behaviour;
  });

  // Lets tests prove that an answer came from the adapter's cache rather than from here.
  app.get('/admin/stats', async () => ({ lookups }));

  return {
    app,
    store,
    async listen() {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (!address || typeof address === 'string') {
        throw new Error(`${resource} register did not get a TCP port`);
      }
      return `http://127.0.0.1:${address.port}`;
    },
    async close() {
      await app.close();
      await store.flush();
    },
  };
}
