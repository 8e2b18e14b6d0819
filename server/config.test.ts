import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, publicUrl: 'http://localhost:3000' });
    expect(config.oidc).toMatchObject({ devIdp: true, issuer: 'http://localhost:3000/oidc' });
    expect(config.session).toEqual({ idleMinutes: 30, maxHours: 12 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ NODE_ENV: 'production', DEV_IDP: 'on', OIDC_CLIENT_SECRET: 's' }, 'DEV_IDP'],
    [{ DEV_IDP: 'off' }, 'OIDC_ISSUER'],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example.test' }, 'OIDC_CLIENT_SECRET'],
  ])('stops on a wrong setting and names it: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
