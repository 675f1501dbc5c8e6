import { agendaItems, summarize, type AgendaItem, type CaseSummary } from '../../../shared/model';
import type { CaseRead } from './caseCodec';

// What reading a case file gives the catalogue (store/reconcile.ts): the case's summary and
// agenda when the file is a valid case, or why it is not — the same whether it was read on
// the main thread or in a worker of the read pool (store/readPool.ts), which sends only this
// (a few hundred bytes) instead of the whole case.

export type EntryRead = { ok: true; summary: CaseSummary; agenda: AgendaItem[] } | { ok: false; reason: string };

/** Reads case files into entries; `onRead(n)` after each `n` files are done, for progress. */
export type ReadEntries = (files: readonly string[], onRead?: (n: number) => void) => Promise<EntryRead[]>;

export const entryOf = (read: CaseRead): EntryRead => (read.ok ? { ok: true, summary: summarize(read.value), agenda: agendaItems(read.value) } : read);
