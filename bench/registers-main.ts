import { startLocalRegisterServices } from '#server/registers/local/start.ts';

/**
 * Child process of the benchmark: the person register and the contact register, keeping their
 * data in the folder given as the first argument. Prints their URLs as one JSON line, then serves
 * until stdin closes or a signal comes, and flushes its files before leaving.
 */
const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: registers-main.ts <data folder>');
  process.exit(2);
}
const services = await startLocalRegisterServices({ dataDir });
process.stdout.write(`${JSON.stringify({ personUrl: services.personUrl, contactUrl: services.contactUrl })}\n`);
let closing = false;
const stop = async () => {
  if (closing) {
    return;
  }
  closing = true;
  await services.close();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
