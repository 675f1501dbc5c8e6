import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDispatcher } from './services/dispatch';
import { ServiceError } from './services/errors';
import { resolveDataDir, userDataDir } from './services/paths';
import { Session } from './services/session';
import { scryptParamsForTests } from './services/crypto';
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
  const scryptForTests = scryptParamsForTests(process.env);
  let session: Session;
  try {
    // An encrypted folder starts locked: the page shows the lock screen and asks for the passphrase.
    session = await Session.start(resolveDataDir(values['data-dir']), {
      background: true,
      onWarning: (message) => process.stderr.write(`casefile web: warning: ${message}\n`),
      ...(scryptForTests ? { scrypt: scryptForTests } : {}),
    });
  } catch (err) {
    if (err instanceof ServiceError) {
      process.stderr.write(`casefile web: ${err.message}\n`);
      return err.code === 'locked' ? 4 : err.code === 'bad_input' ? 2 : 1;
    }
    throw err;
  }
  for (const q of session.store?.quarantinedNow ?? []) process.stderr.write(`casefile web: warning: quarantined ${q.reason} (moved to ${q.file})\n`);
  const dispatch = createDispatcher(session.handlers, {
    onInternalError: (op, err) => process.stderr.write(`casefile web: internal error in ${op}: ${(err as Error)?.stack ?? String(err)}\n`),
  });
  let server: Awaited<ReturnType<typeof startWebServer>>;
  try {
    server = await startWebServer({ dispatch, rendererDir: path.join(here, '../renderer'), port });
  } catch (err) {
    await session.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const why = code === 'EADDRINUSE' ? 'is in use by another program' : 'may not be used by this user';
      process.stderr.write(`casefile web: port ${port} on 127.0.0.1 ${why}; choose another with --port N, or leave --port out to take a free one.\n`);
      return 2;
    }
    throw err;
  }
  process.stdout.write(`Casefile is running at ${server.url}\n`);
  if (!values['no-open'] && !openAppWindow(server.url, path.join(userDataDir(), 'browser-profile'))) {
    process.stdout.write('No Chromium-based browser was found; open the address above in your browser.\n');
  }
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
  });
  await server.close();
  await session.close();
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
