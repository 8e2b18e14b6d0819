import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, publicUrl: 'http://localhost:3000' });
    expect(config.oidc).toMatchObject({ devIdp: true, issuer: 'http://localhost:3000/oidc' });
    expect(config.session).toEqual({ idleMinutes: 30, maxHours: 12 });
    expect(config.notifications).toMatchObject({ smtpUrl: undefined, smsUrl: undefined, delayMinutes: 30 });
    expect(config.worker).toEqual({ enabled: true, intervalMs: 1000 });
  });

  it('runs the worker on a timer except in tests, which drive it themselves, unless WORKER says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).worker.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', WORKER: 'on' }).worker.enabled).toBe(true);
    expect(loadConfig({ WORKER: 'off' }).worker.enabled).toBe(false);
    const production = { NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example.test', OIDC_CLIENT_SECRET: 's' };
    expect(loadConfig({ ...production, WORKER: 'off' }).worker.enabled).toBe(false);
    const delivering = loadConfig({ ...production, SMTP_URL: 'smtp://mail.example.test:587', SMS_URL: 'https://sms.example.test/send', MAIL_FROM: 'NAV <no-reply@nav.example>' });
    expect(delivering.notifications).toMatchObject({ smtpUrl: 'smtp://mail.example.test:587', mailFrom: 'NAV <no-reply@nav.example>' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ NODE_ENV: 'production', DEV_IDP: 'on', OIDC_CLIENT_SECRET: 's' }, 'DEV_IDP'],
    [{ DEV_IDP: 'off' }, 'OIDC_ISSUER'],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example.test' }, 'OIDC_CLIENT_SECRET'],
    [{ SMTP_URL: 'http://mail.example.test' }, 'SMTP_URL'],
    [{ SMS_URL: 'sms.example.test' }, 'SMS_URL'],
    [{ SMS_URL: 'ftp://sms.example.test' }, 'SMS_URL'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM'],
    [{ NOTIFICATION_DELAY_MINUTES: '-1' }, 'NOTIFICATION_DELAY_MINUTES'],
    [{ NOTIFICATION_DELAY_MINUTES: 'soon' }, 'NOTIFICATION_DELAY_MINUTES'],
    [{ WORKER: 'yes' }, 'WORKER'],
    [{ WORKER_INTERVAL_MS: '0' }, 'WORKER_INTERVAL_MS'],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example.test', OIDC_CLIENT_SECRET: 's' }, 'SMTP_URL'],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example.test', OIDC_CLIENT_SECRET: 's', SMTP_URL: 'smtp://m.example.test' }, 'SMS_URL'],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example.test', OIDC_CLIENT_SECRET: 's', SMTP_URL: 'smtp://m.example.test', SMS_URL: 'https://s.example.test' }, 'MAIL_FROM'],
  ])('stops on a wrong setting and names it: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
