import type { CaseKind, Term } from '../../../shared/model';
import type { TableField } from '../../../shared/tables';
import type { Cell } from '../isolation/tableFile';
import { cellText, readCountry, readDate, readLabel, readList, readMoney, readTerm, type Read } from './cells';

// How each field's cell lands in a case draft. A case made of several rows (grouped by a
// name column) takes each single value from the first row that has one, and adds every
// row's charges, decisions, recognitions, spellings and tags.

/** Where a value came from, so a fault the model finds is named by its cell. */
export type Origin = { row: number; col: number };

type Json = Record<string, unknown>;

/** One case being built from its rows; `origins` maps each JSON path it set ("person.name", "charges.0") to its cell. */
export class CaseBuilder {
  readonly draft: Json;
  readonly origins = new Map<string, Origin>();
  readonly rows: number[] = [];
  /** This row's decision parts (penalty, term, fine, date, court), made into one decision when the row ends. */
  private decision: Json = {};
  private decisionOrigin: Origin | undefined;

  constructor(readonly kind: CaseKind) {
    this.draft = kind === 'political_prisoner' ? { kind, person: { aliases: [] } } : { kind, organization: { aliases: [] }, measure: {} };
  }

  set(path: string, value: unknown, origin: Origin): void {
    const keys = path.split('.');
    let at = this.draft;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Json;
    const last = keys[keys.length - 1]!;
    if (at[last] !== undefined) return; // the first row with a value gives it
    at[last] = value;
    this.origins.set(path, origin);
  }

  push(path: string, value: unknown, origin: Origin): void {
    const keys = path.split('.');
    let at = this.draft;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Json;
    const list = (at[keys[keys.length - 1]!] ??= []) as unknown[];
    const same = JSON.stringify(value);
    if (list.some((v) => JSON.stringify(v) === same)) return;
    this.origins.set(`${path}.${list.length}`, origin);
    list.push(value);
  }

  decisionPart(key: 'type' | 'term' | 'fine' | 'date' | 'body', value: unknown, origin: Origin): void {
    this.decision[key] = value;
    this.decisionOrigin ??= origin;
  }

  /** Ends a row: its decision parts become one decision (a verdict) of the case. */
  endRow(): void {
    const d = this.decision;
    this.decision = {};
    const origin = this.decisionOrigin;
    this.decisionOrigin = undefined;
    if (!origin || Object.keys(d).length === 0) return;
    const type = d.type ?? (d.term ? 'prison' : d.fine ? 'fine' : undefined);
    const penalty = type === undefined ? undefined : { type, ...(d.term ? { term: d.term } : {}), ...(d.fine ? { fine: d.fine } : {}) };
    this.push('decisions', { stage: 'verdict', ...(d.date ? { date: d.date } : {}), ...(d.body ? { body: d.body } : {}), ...(penalty ? { penalty } : {}) }, origin);
  }
}

const PRISONER_ONLY = new Set<TableField>(['born', 'gender', 'arrestDate', 'arrestPlace', 'arrestedBy', 'charges', 'code', 'penalty', 'term', 'decisionDate', 'recognitions', 'lawyer', 'contact', 'address', 'health']);
const NGO_ONLY = new Set<TableField>(['authority', 'measureStatus']);

const fail = (message: string): string => message;

/** Puts one non-empty cell into the case; returns why not when it cannot. */
export function applyCell(field: TableField, cell: Cell, b: CaseBuilder, origin: Origin, code: string): string | null {
  const text = cellText(cell);
  const prisoner = b.kind === 'political_prisoner';
  if (prisoner && NGO_ONLY.has(field)) return fail(`this column fills an NGO case, and this row is a political prisoner's case: clear the cell or set the row's kind`);
  if (!prisoner && PRISONER_ONLY.has(field)) return fail(`this column fills a political prisoner's case, and this row is an NGO case: clear the cell or set the row's kind`);
  const date = (path: string) => take(readDate(cell), (v) => b.set(path, v, origin));
  switch (field) {
    case 'kind':
      return null; // read before the case is made (rowsToCases)
    case 'title':
      return b.set('title', text.slice(0, 300), origin), null;
    case 'name':
      return b.set(prisoner ? 'person.name' : 'organization.name', text, origin), null;
    case 'aliases':
      for (const a of readList(text)) b.push(prisoner ? 'person.aliases' : 'organization.aliases', a, origin);
      return null;
    case 'status':
      return take(readLabel('status', text), (v) => b.set('status', v, origin));
    case 'priority':
      return take(readLabel('priority', text), (v) => b.set('priority', v, origin));
    case 'country':
      return take(readCountry(text), (v) => b.set('country', v, origin));
    case 'region':
      return b.set('region', text, origin), null;
    case 'tags':
      for (const t of readList(text.replace(/,/g, ';'))) b.push('tags', t, origin);
      return null;
    case 'summary':
      return b.set('summary', text, origin), null;
    case 'born':
      return take(readDate(cell), (v) => b.set('person.born', { date: v }, origin));
    case 'gender':
      return take(readLabel('gender', text), (v) => b.set('person.gender', v, origin));
    case 'arrestDate':
      return date('arrest.date');
    case 'arrestPlace':
      return b.set('arrest.place', text, origin), null;
    case 'arrestedBy':
      return b.set('arrest.by', text, origin), null;
    case 'detention':
      return prisoner ? take(readLabel('detentionStatus', text), (v) => b.set('detention.status', v, origin)) : readMeasure(text, b, origin);
    case 'place':
      return b.set(prisoner ? 'detention.place' : 'organization.city', text, origin), null;
    case 'since':
      return date(prisoner ? 'detention.since' : 'measure.start');
    case 'releasedOn':
      return date(prisoner ? 'detention.releasedOn' : 'measure.end');
    case 'charges':
      for (const item of readList(text)) b.push('charges', readCharge(item, code), origin);
      return null;
    case 'code':
      return null; // read with the charges (rowsToCases passes it as the default code)
    case 'penalty':
      return readPenalty(text, b, origin);
    case 'term':
      return take(readTerm(text), (v) => b.decisionPart('term', v, origin));
    case 'fine':
      return take(readMoney(cell), (v) => (prisoner ? b.decisionPart('fine', v, origin) : b.set('measure.fine', v, origin)));
    case 'decisionDate':
      return take(readDate(cell), (v) => b.decisionPart('date', v, origin));
    case 'court':
      return prisoner ? (b.decisionPart('body', text, origin), null) : (b.set('appeal.court', text, origin), null);
    case 'recognitions':
      for (const item of readList(text)) {
        const r = readRecognition(item);
        if (!r.ok) return r.message;
        b.push('recognitions', r.value, origin);
      }
      return null;
    case 'authority':
      return b.set('measure.authority', text, origin), null;
    case 'measureStatus':
      return take(readLabel('measureStatus', text), (v) => b.set('measure.status', v, origin));
    case 'lawyer':
      return b.set('lawyer', text, origin), null;
    case 'contact':
      return b.set('person.contact', text, origin), null;
    case 'address':
      return b.set('person.address', text, origin), null;
    case 'health':
      return b.set('detention.health', text, origin), null;
  }
}

function take<T>(r: Read<T>, put: (v: T) => void): string | null {
  if (!r.ok) return r.message;
  put(r.value);
  return null;
}

const ARTICLE_WORD = /^(?:ст\.|статья|статьи|ст|art\.|article|бап|бабы)\s*/iu;

/** "174 part 2 (Criminal Code)" → article and code; "(Criminal Code)" has no article; " — summary" after either. */
function readCharge(item: string, code: string): { article?: string; code: string; summary?: string } {
  const [head = '', ...rest] = item.split(' — ');
  const summary = rest.join(' — ').trim();
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(head);
  const article = (m ? m[1]! : head).replace(ARTICLE_WORD, '').trim();
  return { ...(article ? { article } : {}), code: m ? m[2]!.trim() : code, ...(summary ? { summary } : {}) };
}

/** "Prison: 7 years 6 months", "Лишение свободы, 7 лет", "Штраф: 2 000 000 ₸", or a term alone (prison). */
function readPenalty(text: string, b: CaseBuilder, origin: Origin): string | null {
  const m = /^([^:,—–]+?)\s*(?:[:,—–]\s*(.*))?$/.exec(text);
  const type = readLabel<string>('penaltyType', m?.[1] ?? text);
  if (!type.ok) {
    const term = readTerm(text);
    if (!term.ok) return `expected a penalty such as “Prison: 7 years”, “Лишение свободы, 7 лет” or “Штраф: 2 000 000 ₸”; got “${text}”`;
    b.decisionPart('type', 'prison', origin);
    b.decisionPart('term', term.value, origin);
    return null;
  }
  b.decisionPart('type', type.value, origin);
  const rest = m?.[2]?.trim();
  if (!rest) return null;
  const term = readTerm(rest);
  if (term.ok) return b.decisionPart('term', term.value as Term, origin), null;
  const fine = readMoney(rest);
  if (fine.ok) return b.decisionPart('fine', fine.value, origin), null;
  return `expected the term (7 years 6 months) or the fine (2 000 000 ₸) after the penalty; got “${rest}”`;
}

/** "NGO KIBHR recognises X as a political prisoner" is free text; a cell here is "Label (by, date)" or just "by". */
function readMeasure(text: string, b: CaseBuilder, origin: Origin): string | null {
  const m = /^(.*?)\s*(?:\(([^()]+)\))?\s*$/.exec(text)!;
  const type = readLabel('measureType', m[1]!);
  if (!type.ok) return type.message;
  b.set('measure.type', type.value, origin);
  if (m[2]) {
    const status = readLabel('measureStatus', m[2]);
    if (!status.ok) return status.message;
    b.set('measure.status', status.value, origin);
  }
  return null;
}

function readRecognition(item: string): Read<{ by: string; label: string; date?: string }> {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(item);
  if (!m) return { ok: true, value: { by: item, label: 'political_prisoner' } };
  const label = readLabel<string>('recognition', m[1]!);
  if (!label.ok) return { ok: true, value: { by: item, label: 'political_prisoner' } };
  const inner = m[2]!.split(',').map((s) => s.trim());
  const last = inner.length > 1 ? readDate(inner[inner.length - 1]!) : undefined;
  const by = (last?.ok ? inner.slice(0, -1) : inner).join(', ');
  if (!by) return { ok: false, message: `expected who recognised the person inside the brackets, e.g. “political prisoner (Memorial, 2021)”; got “${item}”` };
  return { ok: true, value: { by, label: label.value, ...(last?.ok ? { date: last.value } : {}) } };
}
