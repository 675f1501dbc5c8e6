import { stat } from 'node:fs/promises';
import type { CalendarExport, CalendarRequest, CalendarSettings } from '../../../shared/calendar';
import { agendaItems } from '../../../shared/model';
import { writeFileDurably } from '../disk/durableFile';
import { ServiceError } from '../errors';
import type { CaseStoreBase, StoreChange } from '../store/caseStore';
import { readCalendarSettings, subscriptionPath } from './calendarSettings';
import { calendarText, type CalendarCase } from './icsCalendar';

// The calendar of a store, and the subscription file kept current from its change feed.

export async function storeCalendar(store: CaseStoreBase, request: CalendarRequest): Promise<CalendarExport> {
  const open = await store.openItems();
  if (request.caseId !== undefined && !open.some((c) => c.id === request.caseId)) {
    throw new ServiceError('not_found', `No case with id "${request.caseId}". It may be in the Trash; check the id with \`casefile list\`.`);
  }
  const cases: CalendarCase[] = [];
  // Whole cases are read only for those with open items: their confidential marks are not in the summary.
  for (const c of open) {
    if (c.agenda.length === 0 || (request.caseId !== undefined && c.id !== request.caseId)) continue;
    cases.push(await store.get(c.id));
  }
  return calendarText(cases, request);
}

/** Writes the subscription file now, when `settings` (by default the saved ones) name a folder; returns its path. */
export async function writeSubscription(store: CaseStoreBase, given?: CalendarSettings): Promise<string | undefined> {
  const settings = given ?? (await readCalendarSettings(store.dataDir));
  const file = subscriptionPath(settings);
  if (file === undefined || settings.folder === undefined) return undefined;
  const info = await stat(settings.folder).catch(() => null);
  if (!info?.isDirectory()) {
    throw new ServiceError('bad_input', `The calendar folder ${settings.folder} does not exist or is not a folder: create it, or pick another in Settings → Calendar.`, [{ path: ['folder'], message: 'expected an existing folder' }]);
  }
  const { ics } = await storeCalendar(store, { withTitles: settings.withTitles, lang: settings.lang });
  await writeFileDurably(file, ics);
  return file;
}

const agendaKey = (c: Parameters<typeof agendaItems>[0] | undefined): string => (c ? JSON.stringify(agendaItems(c)) : '[]');

/** Whether a change can move the agenda (a save that only edits the notes cannot). */
function touchesAgenda(change: StoreChange): boolean {
  if (change.type === 'remove') return true;
  return agendaKey(change.case) !== agendaKey(change.previous) || change.previous === undefined;
}

export type CalendarFeed = { stop(): void; /** Resolves once no rewrite is pending or running. */ settled(): Promise<void> };

const feeds = new WeakMap<CaseStoreBase, CalendarFeed>();

/**
 * Rewrites the subscription file after changes that move the agenda, debounced and off
 * the save's path: a burst of saves (an import) writes it once, and a failed write is
 * reported, never thrown into the save. One feed per store.
 */
export function attachCalendarFeed(store: CaseStoreBase, warn: (message: string) => void, debounceMs = 500): CalendarFeed {
  const existing = feeds.get(store);
  if (existing) return existing;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let waiters: Array<() => void> = [];
  const flush = () => {
    timer = null;
    running = running
      .then(() => writeSubscription(store))
      .then(
        () => undefined,
        (err: unknown) => {
          // A closed store (locked, switched) has nothing to write; anything else the user should hear of.
          if (!/closed|locked/i.test((err as Error).message)) warn(`The calendar subscription file was not updated: ${(err as Error).message}`);
        },
      )
      .finally(() => {
        if (timer === null) {
          for (const w of waiters) w();
          waiters = [];
        }
      });
  };
  const unsubscribe = store.subscribe((change) => {
    if (!touchesAgenda(change)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
    timer.unref();
  });
  const feed: CalendarFeed = {
    stop: () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
      feeds.delete(store);
    },
    settled: () => (timer === null ? running : new Promise<void>((resolve) => waiters.push(resolve))),
  };
  feeds.set(store, feed);
  return feed;
}


