import path from 'node:path';
import { ConfigError, loadConfig } from '#server/config.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

/** `npm run db:migrate`: migrates DATABASE_URL, or the embedded database in DATA_DIR/db. */
try {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), poolSize: 1 });
  try {
    const applied = await migrate(database);
    console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
