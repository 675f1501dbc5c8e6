import { isJsonObject } from '../jsonValue';
import type { ItemList, PlainList } from './fields';
import { list, message, quoted, text, type Phrase } from './phrase';

// How an item is named in a history line: an event or a source by its title, a
// decision by its stage, penalty and court, a charge by its article, an annotation
// by the passage it marks. Never by its id: an item with nothing to name it by is
// "(untitled)".

type Obj = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export const UNNAMED: Phrase = message('history.name.unnamed');

/** A term, a fine and a penalty's type, as one phrase ("prison, 7 years"). */
export function penaltyPhrase(penalty: unknown): Phrase | undefined {
  if (!isJsonObject(penalty) || typeof penalty.type !== 'string') return undefined;
  const parts: Phrase[] = [{ kind: 'label', group: 'penalty', value: penalty.type }];
  if (isJsonObject(penalty.term) && Object.keys(penalty.term).length > 0) parts.push({ kind: 'term', value: { ...penalty.term } }); // a copy: the walk back through the log changes the case it reads
  const fine = moneyPhrase(penalty.fine);
  if (fine) parts.push(fine);
  return list(parts);
}

export function moneyPhrase(money: unknown): Phrase | undefined {
  if (!isJsonObject(money) || typeof money.amount !== 'number' || typeof money.currency !== 'string') return undefined;
  return { kind: 'money', amount: money.amount, currency: money.currency };
}

function decisionName(d: Obj): Phrase {
  const parts: Phrase[] = [];
  if (typeof d.stage === 'string') parts.push({ kind: 'label', group: 'decisionStage', value: d.stage });
  const penalty = penaltyPhrase(d.penalty);
  if (penalty) parts.push(penalty);
  const body = str(d.body);
  if (body) parts.push(text(body));
  if (typeof d.date === 'string') parts.push({ kind: 'date', value: d.date });
  return parts.length > 0 ? list(parts) : UNNAMED;
}

/** The name of an item of `kind`, as it was (`item` may be a clipped copy the log kept). */
export function itemName(kind: ItemList | PlainList, item: unknown): Phrase {
  if (!isJsonObject(item)) return UNNAMED;
  switch (kind) {
    case 'events':
    case 'sources':
    case 'deadlines': {
      const title = str(item.title);
      return title ? quoted(title) : UNNAMED;
    }
    case 'requests': {
      const t = str(item.text);
      return t ? quoted(t, 70) : UNNAMED;
    }
    case 'annotations': {
      const quote = isJsonObject(item.target) && isJsonObject(item.target.quote) ? str(item.target.quote.exact) : undefined;
      const body = str(item.body);
      return quote ? quoted(quote, 60) : body ? quoted(body, 60) : UNNAMED;
    }
    case 'advocacy': {
      const target = str(item.target);
      const kindLabel: Phrase = typeof item.kind === 'string' ? { kind: 'label', group: 'advocacyKind', value: item.kind } : UNNAMED;
      return target ? message('history.name.advocacy', { kind: kindLabel, target: text(target) }) : kindLabel;
    }
    case 'decisions':
      return decisionName(item);
    case 'charges': {
      const code = str(item.code);
      const article = str(item.article);
      // "174-бап" in Kazakh takes its suffix on a number only; "405 part 2" is cited as it was written.
      if (article && code) return message(/^\d+$/.test(article.trim()) ? 'history.name.charge' : 'history.name.chargeWords', { article: text(article), code: text(code) });
      return code ? text(code) : UNNAMED;
    }
    case 'recognitions': {
      const by = str(item.by);
      const label: Phrase = typeof item.label === 'string' ? { kind: 'label', group: 'recognition', value: item.label } : UNNAMED;
      return by ? message('history.name.recognition', { label, by: text(by) }) : label;
    }
  }
}
