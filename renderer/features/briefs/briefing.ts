import type { CaseFile, Request } from '../../../shared/model';
import type { Briefing } from '../../../shared/model/parts';
import type { BriefLang } from '../../../shared/model/brief';

// The dialog's pure half for what it writes into the case: the urgent action's numbers
// and dates, a summary per brief language, and the requests the advocate approved.
// Each returns the case unchanged (the same object) when nothing differs, so a render
// saves only what was really edited.

export type UrgentActionInput = { number: string; issuedOn: string; sendBefore: string; writeIn: string };

export const EMPTY_UA: UrgentActionInput = { number: '', issuedOn: '', sendBefore: '', writeIn: '' };

/** The brief language a reader of this interface language reads (the check's messages are in it). */
export function briefLangOf(uiLang: string): BriefLang {
  if (uiLang.startsWith('kk')) return 'kk';
  if (uiLang.startsWith('ru')) return 'ru';
  return 'en';
}

const KAZAKH_LETTERS = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

/** The language a text is written in, as far as its letters tell: Kazakh letters, other Cyrillic, or Latin. */
export function textLanguage(text: string): BriefLang | null {
  const cyrillic = (text.match(/[\u0400-\u04FF]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (cyrillic === 0 && latin === 0) return null;
  if (latin > cyrillic) return 'en';
  return KAZAKH_LETTERS.test(text) ? 'kk' : 'ru';
}

/** Whether the dialog offers a summary in the brief's language: the case's own is in another, or one was given before. */
export function offersSummary(c: Pick<CaseFile, 'summary' | 'briefing'>, lang: BriefLang): boolean {
  if (c.briefing?.summaries?.[lang] !== undefined) return true;
  const own = textLanguage(c.summary);
  return own !== null && own !== lang;
}

/** The name as a brief in this language prints it: the first alias in the language's script, else the name as stored. */
export function nameInLanguage(c: CaseFile, lang: BriefLang): string {
  const name = c.kind === 'ngo_suspension' ? c.organization.name : c.person.name;
  const aliases = c.kind === 'ngo_suspension' ? c.organization.aliases : c.person.aliases;
  const latinScript = (s: string) => textLanguage(s) === 'en';
  if (latinScript(name) === (lang === 'en')) return name;
  const fits = aliases.filter((a) => latinScript(a) === (lang === 'en'));
  return fits.find((a) => textLanguage(a) === lang) ?? fits[0] ?? name;
}

export function uaInputOf(c: Pick<CaseFile, 'briefing'>): UrgentActionInput {
  const ua = c.briefing?.urgentAction;
  return { number: ua?.number ?? '', issuedOn: ua?.issuedOn ?? '', sendBefore: ua?.sendBefore ?? '', writeIn: ua?.writeIn ?? '' };
}

function compact<T extends Record<string, string | undefined>>(o: T): Partial<T> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v.trim() !== '') out[k] = v.trim();
  return Object.keys(out).length ? (out as Partial<T>) : undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The case with the urgent-action fields and the summary for `lang` as typed (empty ones
 * removed; `summary` undefined leaves the stored summaries alone).
 */
export function withBriefing(c: CaseFile, ua: UrgentActionInput | undefined, lang: BriefLang, summary: string | undefined): CaseFile {
  const old: Briefing = c.briefing ?? {};
  const urgentAction = ua === undefined ? old.urgentAction : compact(ua);
  const summaries = summary === undefined ? old.summaries : compact({ ...old.summaries, [lang]: summary });
  const next: Briefing = { ...(urgentAction ? { urgentAction } : {}), ...(summaries ? { summaries } : {}) };
  if (same(next.urgentAction, old.urgentAction) && same(next.summaries, old.summaries)) return c;
  const { briefing: _drop, ...rest } = c;
  return (Object.keys(next).length ? { ...rest, briefing: next } : rest) as CaseFile;
}

/** The case with the approved requests appended, blank ones dropped; only into an empty list (never among the advocate's own). */
export function withRequests(c: CaseFile, texts: readonly string[], newId: () => string): CaseFile {
  if (c.requests.length > 0) return c;
  const requests: Request[] = texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '').map((text) => ({ id: newId(), text }));
  return requests.length ? { ...c, requests } : c;
}
