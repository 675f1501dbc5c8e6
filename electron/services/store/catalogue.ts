import { agendaItems, type AgendaItem, type CaseFile, type CaseSummary } from '../../../shared/model';
import type { ListQuery } from '../../../shared/contract';
import { matchesCaseFilter } from '../../../shared/model/listFilter';
import type { DurableFs } from '../disk/durableFile';
import type { FileState } from '../disk/statFiles';
import { fillAgendas, journalChanges, writeSummaryIndex, type IndexEntry, type SummaryIndex } from './summaryIndex';
import { appendDurably, JOURNAL_LIMIT, tracked, type TrackedMap } from './indexJournal';
import { byListOrder } from './listOrder';

/**
 * The catalogue of a folder: one summary (and agenda) per live case with the file
 * state it came from, and the trashed files already checked — what the list and the
 * agenda read without opening a case file, kept on disk as the summary index.
 */
export class Catalogue {
  /** One entry per case in cases/: its summary and the file state it came from (changes marked for the journal). */
  readonly cases: TrackedMap<IndexEntry>;
  /** Trashed files checked (read and validated) in the state they are in. */
  readonly trash: TrackedMap<FileState>;
  /** Bytes of journal after the index on disk; undefined when the next write must be whole. */
  private journalBytes: number | undefined;
  /** The summary index's agenda line, read and parsed when the agenda is first needed (the list does not need it). */
  private unreadAgendas: SummaryIndex['agendas'];
  private agendasFilled: Promise<void> = Promise.resolve();

  constructor(
    index: SummaryIndex,
    /** A case read for its agenda when the index's agenda line will not parse. */
    private readonly peek: (id: string) => Promise<CaseFile | null>,
    /** The catalogue changed and the summary index is due a write. */
    private readonly changed: () => void,
  ) {
    this.cases = tracked(index.cases);
    this.trash = tracked(index.trash);
    this.journalBytes = index.journalBytes;
    this.unreadAgendas = index.agendas;
  }

  /**
   * Writes the summary index: the rows changed since as a journal line (store/indexJournal)
   * unless `whole` — or the folder is encrypted, the file on disk is not a good index, the
   * journal is long, or a write failed — then the whole index (every agenda filled first, so
   * none is lost), serialised at the moment `when` picks.
   */
  async write(file: string, fs: DurableFs | undefined, key: Buffer | undefined, when?: <T>(work: () => T) => Promise<T>, whole = true): Promise<void> {
    if (!whole && !key && this.journalBytes !== undefined && this.journalBytes < JOURNAL_LIMIT) {
      if (this.cases.changed.size === 0 && this.trash.changed.size === 0) return;
      const change = journalChanges({ cases: this.cases, trash: this.trash });
      if (change) {
        try {
          await appendDurably(file, change.line, fs);
          this.journalBytes += Buffer.byteLength(change.line);
        } catch (err) {
          change.undo();
          this.journalBytes = undefined; // what reached the file is unknown: the next write is whole
          throw err;
        }
        return;
      }
    }
    await this.withAgendas();
    this.journalBytes = undefined;
    await writeSummaryIndex(file, { cases: this.cases, trash: this.trash }, fs, key, when);
    this.journalBytes = 0;
  }

  /** A journal follows the index on disk, or changes wait: the close writes the index whole. */
  get compactionDue(): boolean {
    return this.journalBytes !== 0 || this.cases.changed.size > 0 || this.trash.changed.size > 0;
  }

  list(query: ListQuery = {}): CaseSummary[] {
    const rows: CaseSummary[] = [];
    for (const { summary: c } of this.cases.values()) {
      if (matchesCaseFilter(c, query)) rows.push(c);
    }
    return rows.sort(byListOrder);
  }

  /** The state of a live case's file as the store last saw it: what caches on disk compare with. */
  fileState(id: string): FileState | undefined {
    const entry = this.cases.get(id);
    return entry && { mtimeMs: entry.mtimeMs, size: entry.size, ctimeMs: entry.ctimeMs, ino: entry.ino };
  }

  /** Every live case's open items (deadlines, hearings, follow-ups), with the case they belong to. */
  async openItems(): Promise<Array<Pick<CaseSummary, 'id' | 'title' | 'kind'> & { agenda: readonly AgendaItem[] }>> {
    await this.withAgendas();
    return Array.from(this.cases.values(), ({ summary: { id, title, kind }, agenda }) => ({ id, title, kind, agenda: agenda ?? [] }));
  }

  /**
   * Gives every entry its agenda: from the index's agenda line, or — should that
   * line be unreadable — from the case file, so that a damaged cache never hides
   * a deadline.
   */
  private withAgendas(): Promise<void> {
    if (this.unreadAgendas !== null) {
      const agendas = this.unreadAgendas;
      this.unreadAgendas = null;
      this.agendasFilled = (async () => {
        const missing = await fillAgendas({ cases: this.cases, trash: this.trash, agendas });
        for (const id of missing) {
          const entry = this.cases.get(id);
          const c = await this.peek(id).catch(() => null);
          // Only if no save replaced the entry meanwhile (a save's entry has its agenda).
          if (entry && this.cases.get(id) === entry) this.cases.set(id, { ...entry, agenda: c ? agendaItems(c) : [] });
        }
        if (missing.length > 0) this.changed(); // heal the cache
      })();
    }
    return this.agendasFilled;
  }
}
