import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// A browser's command line is world-readable (/proc/PID/cmdline on Linux, `ps` on
// macOS), so the app window is not started on the ticket URL itself: it is started
// on a small local page, readable by this user only, that forwards it there. Other
// local users see a file path; the ticket stays in a 0600 file in a 0700 folder until
// the window has traded it (then the file is removed).

const PREFIX = 'open-';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page: a meta refresh (no script, so it runs under any policy) and a link should it not. */
function handoverHtml(url: string): string {
  const href = escapeHtml(url);
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<title>Casefile</title>',
    `<p>Opening Casefile… <a href="${href}">Continue</a></p>`,
    '',
  ].join('\n');
}

export type Handover = { file: string; fileUrl: string; remove(): Promise<void> };

/** Writes the forwarding page for `url` into `dir` (created private if absent, made private if not). */
export async function writeHandover(dir: string, url: string): Promise<Handover> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const file = path.join(dir, `${PREFIX}${randomBytes(8).toString('hex')}.html`);
  // 'wx': never through a file (or link) someone else put there.
  await writeFile(file, handoverHtml(url), { mode: 0o600, flag: 'wx' });
  return { file, fileUrl: pathToFileURL(file).href, remove: () => rm(file, { force: true }) };
}

/** Removes forwarding pages a killed run left behind (their tickets died with it). */
export async function sweepHandovers(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n.endsWith('.html')).map((n) => rm(path.join(dir, n), { force: true })));
}
