import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DueNotice } from '../../../shared/calendar';
import type { AgendaRow } from '../../../shared/model';
import type { BriefLang } from '../../../shared/model/brief';
import { writeFileDurably } from '../disk/durableFile';
import { LOCAL_DIR } from '../disk/folderLayout';
import { CALENDAR_STRINGS } from './strings';

// What a desktop notification tells, and when: the day before an item is due and the
// day itself, each once a day. The door asks with its local day; the answer depends
// on nothing else (no clock read here), and what was told is remembered machine-locally
// so a restart the same day does not tell it again.

const toldFile = (dataDir: string): string => path.join(dataDir, LOCAL_DIR, 'notified.json');
const Told = z.array(z.string());

/** The key that makes an item told once on a day. */
const toldKey = (row: Pick<AgendaRow, 'caseId' | 'id'>, today: string): string => `${today}/${row.caseId}/${row.id}`;

/**
 * The notices due on `today` from the agenda rows counted against it: items due by
 * today or tomorrow (a partial date counts by its last day), not already told today.
 * Overdue items are not notified: the start notice and the agenda show them.
 */
export function dueNotices(rows: readonly AgendaRow[], today: string, told: ReadonlySet<string>, lang: BriefLang): DueNotice[] {
  const text = CALENDAR_STRINGS[lang];
  const due: DueNotice[] = [];
  for (const row of rows) {
    if (row.daysLeft !== 0 && row.daysLeft !== 1) continue;
    if (told.has(toldKey(row, today))) continue;
    const when = row.daysLeft === 0 ? 'today' : 'tomorrow';
    const kind = text.kind[row.kind];
    due.push({ caseId: row.caseId, id: row.id, kind: row.kind, dueBy: row.dueBy, when, title: text.neutral[row.kind], body: when === 'today' ? text.today(kind) : text.tomorrow(kind) });
  }
  return due;
}

export async function readTold(dataDir: string): Promise<Set<string>> {
  try {
    const parsed = Told.safeParse(JSON.parse(await readFile(toldFile(dataDir), 'utf8')));
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}

/** Adds today's notices to what was told, forgetting earlier days (they can never match again). */
export async function rememberTold(dataDir: string, today: string, told: ReadonlySet<string>, notices: readonly DueNotice[]): Promise<void> {
  if (notices.length === 0) return;
  const kept = [...told].filter((key) => key.slice(0, 10) >= today);
  for (const n of notices) kept.push(toldKey(n, today));
  await mkdir(path.join(dataDir, LOCAL_DIR), { recursive: true });
  await writeFileDurably(toldFile(dataDir), `${JSON.stringify(kept)}\n`);
}
