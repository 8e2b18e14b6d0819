import type { TokenVerifier } from './auth/verify.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { ContactRegister, PersonRegister } from './registers/types.ts';

/** What the app is built from; main.ts and the tests assemble it (server.ts). */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  verifier: TokenVerifier;
  personRegister: PersonRegister;
  contactRegister: ContactRegister;
  /** Where process logs go (stdout unless a test captures them). */
  logStream?: NodeJS.WritableStream;
}
