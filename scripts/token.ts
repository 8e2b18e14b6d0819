import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPersonLookup } from '#server/auth/dev-idp/accounts.ts';
import { mintForSeeded, mintForSubject, UnknownSubjectError, type MintedToken } from '#server/auth/dev-idp/mint.ts';
import { loadOrCreateSigningKeys } from '#server/auth/keys.ts';
import { ConfigError, loadConfig, type Config } from '#server/config.ts';
import { openDatabase } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';

const USAGE = `Prints an access token of the development identity provider.

  npm run -s token -- <persona-key | national-id> [--ttl 3600]
  npm run -s token -- --all-seeded N [--ttl 3600]

A persona key (kari, vera, siri, arne, ...) gives that persona's token; any other valid national id
gives a citizen token (acr idporten-loa-high). --all-seeded N prints one JSON line
{"personId","accessToken"} for each of the first N persons of the person table (benchmarks).

The token is signed with the key in the app's database, for the issuer and audience of the same
environment (DATABASE_URL or DATA_DIR, PUBLIC_URL/PORT, OIDC_AUDIENCE). With DATABASE_URL the
command reads the database directly. With the embedded database (no DATABASE_URL), which admits
one process at a time, it asks the running app (POST /oidc-dev/token at PUBLIC_URL), where a
national id must belong to a person the app or the person register knows; when the app is not
running it opens DATA_DIR/db itself — so do not start the app meanwhile.`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parse(): { subject?: string; seeded?: number; ttlSeconds: number } {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { ttl: { type: 'string' }, 'all-seeded': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const ttlSeconds = values.ttl === undefined ? 3600 : Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60 || ttlSeconds > 7 * 24 * 3600) {
    fail('--ttl: seconds between 60 and 604800');
  }
  if (values['all-seeded'] !== undefined) {
    const seeded = Number(values['all-seeded']);
    if (!Number.isInteger(seeded) || seeded < 1 || positionals.length > 0) {
      fail(`--all-seeded: a positive whole number, and no persona or national id beside it\n\n${USAGE}`);
    }
    return { seeded, ttlSeconds };
  }
  if (positionals.length !== 1) {
    fail(USAGE);
  }
  return { subject: positionals[0]!, ttlSeconds };
}

/** Null when nothing listens at the app's URL; the app's own answer (or refusal) otherwise. */
async function askRunningApp(config: Config, body: Record<string, unknown>): Promise<MintedToken[] | null> {
  let response: Response;
  try {
    response = await fetch(`${config.publicUrl}/oidc-dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    // Nothing listening: a plain refusal, or one per address family when localhost has two.
    const cause = (error as { cause?: { code?: string; errors?: Array<{ code?: string }> } }).cause;
    if (cause?.code === 'ECONNREFUSED' || cause?.errors?.some((e) => e.code === 'ECONNREFUSED')) {
      return null;
    }
    throw error;
  }
  const answer = (await response.json().catch(() => null)) as { tokens?: MintedToken[]; error?: { message?: string } } | null;
  if (!response.ok || !answer?.tokens) {
    fail(`The app at ${config.publicUrl} refused: ${answer?.error?.message ?? `HTTP ${response.status}`}`, 1);
  }
  return answer.tokens;
}

async function mintDirectly(config: Config, args: { subject?: string; seeded?: number; ttlSeconds: number }): Promise<MintedToken[]> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), poolSize: 2 });
  try {
    await migrate(database);
    const keys = await loadOrCreateSigningKeys(database.db);
    if (args.seeded !== undefined) {
      const tokens = await mintForSeeded(keys, config, database.db, { count: args.seeded, ttlSeconds: args.ttlSeconds });
      if (tokens.length < args.seeded) {
        process.stderr.write(`Only ${tokens.length} persons are seeded.\n`);
      }
      return tokens;
    }
    // The registers run inside the app; here the person table is all there is to ask, and a person
    // not yet looked up there is still a person: mint anyway, but say so.
    const lookup = createPersonLookup(database.db, undefined);
    const token = await mintForSubject(keys, config, args.subject!, { ttlSeconds: args.ttlSeconds, lookup, requireKnown: false });
    if (token.subject.startsWith('citizen:') && !(await lookup(args.subject!))) {
      process.stderr.write('Note: the person table does not know this national id (yet); the token is minted all the same.\n');
    }
    return [token];
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const args = parse();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      fail(error.message);
    }
    throw error;
  }
  if (!config.oidc.devIdp) {
    fail('The token command mints tokens of the development identity provider, which is off here (DEV_IDP / NODE_ENV).');
  }
  const body = { ...(args.subject ? { subject: args.subject } : { seededCount: args.seeded }), ttlSeconds: args.ttlSeconds };
  let tokens: MintedToken[] | null = null;
  try {
    tokens = config.databaseUrl ? null : await askRunningApp(config, body);
    tokens ??= await mintDirectly(config, args);
  } catch (error) {
    if (error instanceof UnknownSubjectError) {
      fail(error.message);
    }
    throw error;
  }
  if (tokens.length === 0) {
    fail('No persons are seeded in this database.', 1);
  }
  if (args.seeded !== undefined) {
    process.stdout.write(tokens.map((t) => JSON.stringify({ personId: t.personId, accessToken: t.accessToken })).join('\n') + '\n');
  } else {
    process.stdout.write(`${tokens[0]!.accessToken}\n`);
  }
}

await main();
