import type { FastifyInstance } from 'fastify';
import { buildApp, type RouteInfo } from './app.ts';
import { loadOrCreateSigningKeys } from './auth/keys.ts';
import { createTokenVerifier } from './auth/verify.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { createContactRegisterClient } from './registers/contact-register.client.ts';
import { createPersonRegisterClient } from './registers/person-register.client.ts';
import { startLocalRegisterServices } from './registers/local/start.ts';
import type { Services } from './services.ts';
import { seedDemoData } from './dev/demo-data.ts';
import { registerDevMailbox } from './notifications/dev-mailbox.ts';
import type { NotificationSinks } from './notifications/dev-sinks.ts';
import { startNotifications } from './notifications/notifications.ts';
import { createWorker, type Worker } from './outbox/worker.ts';

export interface StartOptions {
  /** Folder of the embedded database (ignored when config.databaseUrl is set); omit for memory. */
  dataDir?: string;
  /** An already open database (tests). */
  database?: Database;
  clock?: Clock;
  logStream?: NodeJS.WritableStream;
}

export interface RunningServer {
  app: FastifyInstance;
  /** Every registered route (method and URL pattern). */
  routes: RouteInfo[];
  services: Services;
  database: Database;
  url: string;
  /** The outbox worker (notifications, housekeeping): tests move the clock and call runOnce(). */
  worker: Worker;
  /** The local mail and SMS sinks when SMTP_URL / SMS_URL are not set (development and test). */
  notificationSinks: NotificationSinks | null;
  close(): Promise<void>;
}

/**
 * Opens and migrates the database, starts the local register services unless register URLs are
 * configured, builds the app and listens. Used by main.ts and by the tests alike.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const database = options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: options.dataDir, poolSize: config.databasePoolSize }));
  await migrate(database);
  const clock = options.clock ?? systemClock;

  const localRegisters =
    config.registers.personUrl && config.registers.contactUrl
      ? null
      : await startLocalRegisterServices({ dataDir: config.env === 'test' ? undefined : `${config.dataDir}/registers` });
  const personRegister = createPersonRegisterClient({
    url: config.registers.personUrl ?? localRegisters!.personUrl,
    timeoutMs: config.registers.timeoutMs,
  });
  const contactRegister = createContactRegisterClient({
    url: config.registers.contactUrl ?? localRegisters!.contactUrl,
    timeoutMs: config.registers.timeoutMs,
    cacheSeconds: config.registers.contactCacheSeconds,
    clock,
  });

  const signingKeys = config.oidc.devIdp ? await loadOrCreateSigningKeys(database.db) : undefined;
  const verifier = createTokenVerifier({
    issuer: config.oidc.issuer,
    audience: config.oidc.audience,
    ...(signingKeys ? { localKeys: signingKeys } : { jwksUrl: `${config.oidc.issuer}/jwks` }),
    now: () => clock.now(),
  });

  const { app, services, routes } = await buildApp({
    config,
    database,
    clock,
    verifier,
    personRegister,
    contactRegister,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  const worker = createWorker({ db: database.db, clock, log: app.log, intervalMs: config.worker.intervalMs });
  const notifications = await startNotifications({ config, db: database.db, clock, contactRegister, worker, log: app.log });
  worker.addJob({ name: 'dialog.expireDrafts', everyMs: 10 * 60_000, run: async (now) => void (await services.dialog.expireDrafts(now)) });
  if (notifications.sinks) {
    registerDevMailbox(app, notifications.sinks);
  }
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('[::1]', 'localhost');
  if (config.demoData && (await seedDemoData(database.db, services, clock))) {
    app.log.info('demo data written');
  }
  if (config.worker.enabled) {
    worker.start();
  }
  return {
    app,
    routes,
    services,
    database,
    url,
    worker,
    notificationSinks: notifications.sinks,
    async close() {
      await worker.stop();
      await app.close();
      await notifications.close();
      await localRegisters?.close();
      if (!options.database) {
        await database.close();
      }
    },
  };
}
