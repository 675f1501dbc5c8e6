import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDispatcher } from './services/dispatch';
import { ServiceError } from './services/errors';
import { resolveDataDir, userDataDir } from './services/paths';
import { Session } from './services/session';
import { scryptParamsForTests } from './services/crypto';
import { startWebServer } from './transports/http';
import { sweepHandovers, writeHandover, type Handover } from './transports/handover';
import { openAppWindow } from './transports/openBrowser';
import { printOpenProgress } from './cli/openProgress';

// Browser mode: `npm run web -- [--data-dir DIR] [--port N] [--no-open]`.

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Whether reading the terminal is safe: a job in the background that reads it is
 * stopped by the shell (SIGTTIN), which would freeze the server. Linux tells; elsewhere assume yes.
 */
function ownsTerminal(): boolean {
  if (!process.stdin.isTTY || process.platform !== 'linux') return true;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return fields[2] === fields[5]; // pgrp === tpgid: this process group has the terminal
  } catch {
    return true;
  }
}

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
      store: { onOpenProgress: printOpenProgress((line) => process.stderr.write(`${line}\n`), 'casefile web') },
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
  // Pages that forward a window to its ticket, by ticket: each removed once its ticket is traded.
  const handoverDir = path.join(userDataDir(), 'browser-handover');
  await sweepHandovers(handoverDir);
  const handovers = new Map<string, Handover>();
  let server: Awaited<ReturnType<typeof startWebServer>>;
  try {
    server = await startWebServer({
      dispatch,
      events: session.events,
      rendererDir: path.join(here, '../renderer'),
      port,
      onTicketUsed: (ticket) => {
        void handovers.get(ticket)?.remove();
        handovers.delete(ticket);
      },
    });
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
  const live = server;
  // The browser's command line is readable by every local user: it names the forwarding page, never the ticket.
  // Resolves with null once a window opened, or with why it could not (said to the user with a link).
  const openWindow = async (): Promise<string | null> => {
    const { ticket, url } = live.issueTicket();
    let handover: Handover;
    try {
      handover = await writeHandover(handoverDir, url);
    } catch (err) {
      return `the page that opens it could not be written in ${handoverDir} (${(err as Error).message})`;
    }
    handovers.set(ticket, handover);
    const opened = await openAppWindow(handover.fileUrl, path.join(userDataDir(), 'browser-profile'));
    if (opened.ok) return null;
    handovers.delete(ticket);
    await handover.remove();
    return opened.reason;
  };
  const listening = ownsTerminal();
  // A background job cannot read the terminal: it is told to restart instead.
  const enterFor = (what: string) => (listening ? `For ${what}, press Enter here; Ctrl+C stops Casefile.\n` : `For ${what}, restart Casefile.\n`);
  const openOnce = 'it opens Casefile once';
  const notOpened = values['no-open'] ? null : await openWindow();
  if (values['no-open']) {
    process.stdout.write(`Casefile is running at ${server.issueTicket().url}\n`);
    process.stdout.write(`That link is for you only and ${openOnce}. ${enterFor('a new link')}`);
  } else if (notOpened === null) {
    process.stdout.write(`Casefile is running at ${server.origin}/ in an app window. ${enterFor('another window')}`);
  } else {
    process.stdout.write(`Casefile is running at ${server.issueTicket().url}\n`);
    process.stdout.write(`The browser window could not be opened: ${notOpened}. Open the address above in your browser by hand (${openOnce}). ${enterFor('a new link')}`);
  }
  const keys = listening ? createInterface({ input: process.stdin }) : null;
  keys?.on('line', () => {
    void (async () => {
      const failed = values['no-open'] ? null : await openWindow();
      if (!values['no-open'] && failed === null) process.stdout.write('Opened another window.\n');
      else {
        if (failed) process.stdout.write(`The browser window could not be opened: ${failed}.\n`);
        process.stdout.write(`New link (${openOnce}): ${live.issueTicket().url}\n`);
      }
    })();
  });
  process.stdin.on('error', () => keys?.close());
  // Listening with `on`, not `once`: Ctrl+C in a terminal reaches `npm start` and this process both, and
  // start.mjs forwards its own; a second signal while the folder is being closed must not kill us
  // before the lock is let go.
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => resolve());
  });
  keys?.close();
  process.stdin.destroy();
  await server.close();
  await Promise.all([...handovers.values()].map((h) => h.remove()));
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
