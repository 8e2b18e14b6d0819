import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from environment variables (documented in the README). A wrong value
 * stops the start with a message naming the variable.
 */
const optionalUrl = z.string().url().optional();

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: optionalUrl,
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('data'),
  WEB_DIR: z.string().min(1).default('dist/web'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OIDC_ISSUER: optionalUrl,
  OIDC_AUDIENCE: z.string().min(1).default('aktivitetsplan'),
  OIDC_CLIENT_ID: z.string().min(1).default('aktivitetsplan-web'),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  DEV_IDP: z.enum(['on', 'off']).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(720).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  PERSON_REGISTER_URL: optionalUrl,
  CONTACT_REGISTER_URL: optionalUrl,
  REGISTER_TIMEOUT_MS: z.coerce.number().int().min(10).max(30000).default(1500),
  CONTACT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  DEMO_DATA: z.enum(['on', 'off']).optional(),
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMS_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL')
    .optional(),
  MAIL_FROM: z.string().regex(/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/, 'must be an e-mail address, e.g. NAV <no-reply@nav.example>').optional(),
  NOTIFICATION_DELAY_MINUTES: z.coerce.number().int().min(0).max(1440).default(30),
  WORKER: z.enum(['on', 'off']).optional(),
  WORKER_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(20).max(120_000).default(15_000),
});

export type Env = z.infer<typeof ConfigSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  /** Where a browser reaches the app; used for OIDC redirects. */
  publicUrl: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  /** The built web app (`npm run build`); the server serves it when it is there. */
  webDir: string;
  logLevel: Env['LOG_LEVEL'];
  oidc: {
    /** Issuer URL; undefined means the built-in development identity provider at `${publicUrl}/oidc`. */
    issuer: string;
    audience: string;
    clientId: string;
    clientSecret: string;
    devIdp: boolean;
  };
  session: { idleMinutes: number; maxHours: number };
  registers: {
    personUrl: string | undefined;
    contactUrl: string | undefined;
    timeoutMs: number;
    contactCacheSeconds: number;
  };
  demoData: boolean;
  /**
   * E-mail and SMS to the citizen. Without URLs (development and test only) the server starts
   * local sinks and shows what they received at /dev/mailbox.
   */
  notifications: { smtpUrl: string | undefined; smsUrl: string | undefined; mailFrom: string; delayMinutes: number };
  /** The outbox worker: its timer (off in tests, which call runOnce) and how often it looks for work. */
  worker: { enabled: boolean; intervalMs: number };
  /** Live event streams: a heartbeat comment this often, which also checks that the login still holds. */
  live: { heartbeatMs: number };
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const devIdp = e.DEV_IDP ? e.DEV_IDP === 'on' : e.NODE_ENV !== 'production';
  if (e.NODE_ENV === 'production' && devIdp) {
    throw new ConfigError('Invalid configuration:\n  DEV_IDP: the development identity provider cannot run in production');
  }
  if (!devIdp && !e.OIDC_ISSUER) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER: required when the development identity provider is off');
  }
  if (e.NODE_ENV === 'production' && !e.OIDC_CLIENT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  OIDC_CLIENT_SECRET: required in production');
  }
  const worker = e.WORKER ? e.WORKER === 'on' : e.NODE_ENV !== 'test';
  for (const name of ['SMTP_URL', 'SMS_URL', 'MAIL_FROM'] as const) {
    if (e.NODE_ENV === 'production' && worker && !e[name]) {
      throw new ConfigError(`Invalid configuration:\n  ${name}: required in production while the worker runs (or WORKER=off)`);
    }
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(e.DATA_DIR),
    webDir: path.resolve(e.WEB_DIR),
    logLevel: e.LOG_LEVEL,
    oidc: {
      issuer: (e.OIDC_ISSUER ?? `${publicUrl}/oidc`).replace(/\/$/, ''),
      audience: e.OIDC_AUDIENCE,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET ?? 'dev-only-web-client-secret',
      devIdp,
    },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    registers: {
      personUrl: e.PERSON_REGISTER_URL,
      contactUrl: e.CONTACT_REGISTER_URL,
      timeoutMs: e.REGISTER_TIMEOUT_MS,
      contactCacheSeconds: e.CONTACT_CACHE_SECONDS,
    },
    demoData: e.DEMO_DATA ? e.DEMO_DATA === 'on' : e.NODE_ENV === 'development',
    notifications: {
      smtpUrl: e.SMTP_URL,
      smsUrl: e.SMS_URL,
      mailFrom: e.MAIL_FROM ?? 'NAV Aktivitetsplan <no-reply@aktivitetsplan.invalid>',
      delayMinutes: e.NOTIFICATION_DELAY_MINUTES,
    },
    worker: { enabled: worker, intervalMs: e.WORKER_INTERVAL_MS },
    live: { heartbeatMs: e.LIVE_HEARTBEAT_MS },
  };
}
