import path from 'node:path';
import { loadConfig, ConfigError } from './config.ts';
import { startServer } from './server.ts';

/** Starts the app: embedded PGlite in DATA_DIR unless DATABASE_URL is set. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const server = await startServer(config, { dataDir: path.join(config.dataDir, 'db') });
  const stop = async (): Promise<void> => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

await main();
