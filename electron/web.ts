import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDispatcher } from './services/dispatch';
import { ServiceError } from './services/errors';
import { createServices } from './services/handlers';
import { resolveDataDir, userDataDir } from './services/paths';
import { CaseStore } from './services/store/caseStore';
import { startWebServer } from './transports/http';
import { openAppWindow } from './transports/openBrowser';

// Browser mode: `npm run web -- [--data-dir DIR] [--port N] [--no-open]`.

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`casefile web: ${(err as Error).message}\nUsage: npm run web -- [--data-dir DIR] [--port N] [--no-open]\n`);
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`casefile web: --port must be a number from 0 to 65535 (got "${values.port}")\n`);
    return 2;
  }
  let store: CaseStore;
  try {
    // An encrypted folder opens with CASEFILE_PASSPHRASE for now; the lock screen (type the passphrase in the
    // browser, lock when idle) is a later step. Without it the server does not start: exit 5, as the CLI.
    const passphrase = process.env.CASEFILE_PASSPHRASE || undefined;
    store = await CaseStore.open(resolveDataDir(values['data-dir']), passphrase !== undefined ? { passphrase } : {});
  } catch (err) {
    if (err instanceof ServiceError) {
      const hint = err.code === 'encrypted' ? ' Browser mode cannot ask for it yet: start it with CASEFILE_PASSPHRASE set in the environment.' : '';
      process.stderr.write(`casefile web: ${err.message}${hint}\n`);
      return err.code === 'locked' ? 4 : err.code === 'encrypted' ? 5 : err.code === 'bad_input' ? 2 : 1;
    }
    throw err;
  }
  for (const q of store.quarantinedNow) process.stderr.write(`casefile web: warning: quarantined ${q.reason} (moved to ${q.file})\n`);
  const services = createServices(store);
  // Build the search index in the background: the list is usable at once, search moments later.
  void services.search.warm();
  const dispatch = createDispatcher(services.handlers, {
    onInternalError: (op, err) => process.stderr.write(`casefile web: internal error in ${op}: ${(err as Error)?.stack ?? String(err)}\n`),
  });
  const server = await startWebServer({ dispatch, rendererDir: path.join(here, '../renderer'), port });
  process.stdout.write(`Casefile is running at ${server.url}\n`);
  if (!values['no-open'] && !openAppWindow(server.url, path.join(userDataDir(), 'browser-profile'))) {
    process.stdout.write('No Chromium-based browser was found; open the address above in your browser.\n');
  }
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
  });
  await server.close();
  await store.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`casefile web: unexpected failure: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
