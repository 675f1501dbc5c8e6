import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../../services/errors';
import { checkMigration, type MigrationCheck } from '../../services/store/migrations/check';
import { readMigrationJournal } from '../../services/store/migrations/journal';
import { defineCommand, JSON_OPTION, noArguments } from '../command';
import { openSessionForCli } from '../session';
import { oneLine } from '../format';
import type { CliIo } from '../io';

// `casefile migrate --check`: what opening the folder would make of each case,
// nothing written. `casefile migrate`: opens the folder — which migrates it, a
// snapshot taken first — and says what it did.

type MigrateOptions = { check: boolean; json: boolean };

async function passphraseFor(io: CliIo): Promise<string> {
  if (io.env.CASEFILE_PASSPHRASE) return io.env.CASEFILE_PASSPHRASE;
  const typed = io.prompt ? await io.prompt('Passphrase for the data folder: ') : null;
  if (typed === null) throw new ServiceError('encrypted', 'This data folder is encrypted and no passphrase was given, and there is no terminal to ask on: set CASEFILE_PASSPHRASE in the environment. Nothing was read or written.');
  return typed;
}

function printCheck(io: CliIo, report: MigrationCheck): number {
  if (report.schemaVersion === report.target && !report.interrupted) {
    io.stdout(`${report.dataDir} is at data-folder layout ${report.schemaVersion}, the one this Casefile writes: nothing to migrate. Nothing was written.`);
    return 0;
  }
  io.stdout(
    report.interrupted
      ? `${report.dataDir}: a migration to layout ${report.target} was interrupted; the next open finishes it. What each case would become (nothing was written):`
      : `${report.dataDir} is at layout ${report.schemaVersion}; opening it with this Casefile migrates it to layout ${report.target}. What each case would become (nothing was written):`,
  );
  for (const c of report.cases) {
    io.stdout(`${c.file}${c.title !== undefined ? `  ${oneLine(c.title)}` : ''}`);
    for (const fault of c.faults) io.stdout(`  FAULT ${oneLine(fault)}`);
    if (c.faults.length > 0) io.stdout('  → would be moved to quarantine/ unchanged, with these faults in its note');
    else if (c.changes.length === 0) io.stdout('  (already version 2: unchanged)');
    for (const change of c.changes) io.stdout(`  ${oneLine(change)}`);
  }
  const faulty = report.cases.filter((c) => c.faults.length > 0).length;
  io.stdout(
    `${report.cases.length} case file(s): ${report.cases.length - faulty} would be migrated, ${faulty} would be quarantined. ` +
      'A snapshot of the folder is taken before the migration; `casefile migrate` (or opening the app) migrates it now.',
  );
  return faulty > 0 ? 1 : 0;
}

async function layoutOf(dataDir: string): Promise<number | null> {
  try {
    const meta = JSON.parse(await readFile(path.join(dataDir, 'meta.json'), 'utf8')) as { schemaVersion?: unknown };
    return typeof meta.schemaVersion === 'number' ? meta.schemaVersion : null;
  } catch {
    return null;
  }
}

async function runMigrate(dataDir: string, options: MigrateOptions, io: CliIo): Promise<number> {
  if (options.check) {
    const report = await checkMigration(dataDir, () => passphraseFor(io));
    if (options.json) {
      io.stdout(JSON.stringify(report, null, 2));
      return report.cases.some((c) => c.faults.length > 0) ? 1 : 0;
    }
    return printCheck(io, report);
  }
  const before = await layoutOf(dataDir);
  const interrupted = (await readMigrationJournal(dataDir).catch(() => null)) !== null;
  const session = await openSessionForCli(dataDir, io);
  try {
    const store = session.store;
    if (!store) throw new ServiceError('internal', 'The data folder did not open.');
    for (const q of store.quarantinedNow) io.stderr(`casefile: warning: quarantined ${q.reason} (moved to ${q.file})`);
    if (interrupted || (before !== null && before < store.schemaVersion)) {
      const snapshot = (await store.listBackups()).find((s) => s.reason === 'before-migration');
      io.stdout(
        `Migrated ${dataDir} ${interrupted ? 'to' : `from layout ${before} to`} layout ${store.schemaVersion}${interrupted ? ' (finishing a migration that was interrupted)' : ''}: ${store.count()} case(s) in the list, ${store.quarantinedNow.length} quarantined.` +
          (snapshot ? ` The folder as it was is in the snapshot ${snapshot.name}.` : ''),
      );
    } else io.stdout(`${dataDir} is at layout ${store.schemaVersion}: nothing to migrate.`);
    return 0;
  } finally {
    await session.close();
  }
}

export default defineCommand({
  name: 'migrate',
  usage: 'migrate [--check] [--json]',
  summary: 'migrate the data folder to the case model this Casefile writes (a snapshot is taken first)',
  details: '--check reports what each case would become, and any fault, writing nothing.',
  options: {
    check: { type: 'boolean', about: 'report what each case would become, and any fault; write nothing' },
    json: { ...JSON_OPTION, about: 'with --check: print the report as JSON' },
  },
  plan(args, values, io) {
    noArguments('migrate', args);
    // It reads the folder before any store opens it (to say what the migration would do or did), so it opens the folder itself.
    return { own: (dataDir) => runMigrate(dataDir, { check: values.check === true, json: values.json === true }, io) };
  },
});
