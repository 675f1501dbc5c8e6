import type { Term } from '../model';

// What the history describer says, before it is put into words: a tree of
// message keys (under `history.` in the renderer's locale files) and the values
// they take, each value typed so the renderer writes it the interface language's
// way (dates, enum labels, terms, numbers). Nothing here is a raw path or id.

export type Phrase =
  /** The user's own words, as they are (a message around it may quote it). */
  | { kind: 'text'; text: string }
  | { kind: 'date'; value: string; approximate?: boolean }
  | { kind: 'dateTime'; value: string }
  /** `enums.<group>.<value>`; written as the value itself when the locale has no label for it. */
  | { kind: 'label'; group: string; value: string }
  | { kind: 'country'; code: string }
  | { kind: 'term'; value: Term }
  | { kind: 'money'; amount: number; currency: string }
  | { kind: 'number'; value: number }
  /** A locale message; `count` picks its plural form. */
  | { kind: 'message'; key: string; values?: Record<string, Phrase>; count?: number }
  /** Phrases written one after another, separated by commas (or `separator`). */
  | { kind: 'list'; items: Phrase[]; separator?: 'comma' | 'semicolon' };

/** One line of an entry: one item, one part of the case or one field, in a whole sentence. */
export type HistoryLine = Phrase & { kind: 'message' };

export const text = (s: string): Phrase => ({ kind: 'text', text: s });
export const message = (key: string, values?: Record<string, Phrase>, count?: number): HistoryLine =>
  count === undefined ? { kind: 'message', key, ...(values ? { values } : {}) } : { kind: 'message', key, ...(values ? { values } : {}), count };
export const list = (items: Phrase[], separator: 'comma' | 'semicolon' = 'comma'): Phrase => (items.length === 1 ? items[0]! : { kind: 'list', items, separator });

/** Longer text is cut in a line (the technical details keep what the log holds). */
const QUOTE_MAX = 90;

/** Text the user wrote, quoted the interface language's way and cut to a readable length. */
export function quoted(s: string, max = QUOTE_MAX): Phrase {
  const chars = [...s.replace(/\s+/g, ' ').trim()]; // by characters: a cut never splits one
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : chars.join('');
  return message('history.quoted', { text: text(cut) });
}
