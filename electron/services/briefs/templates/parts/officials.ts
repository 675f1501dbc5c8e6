import type { Addressee, CountryAddressees } from '../../../../../shared/model/addressees';
import type { BriefLang } from '../../../../../shared/model/brief';
import type { CaseFile } from '../../../../../shared/model';
import { formatPartialDate, join } from '../../format';
import type { Run } from '../../doc/model';
import { THEME } from '../../doc/theme';
import { uaLabels } from '../../labels/urgentAction';
import { toBeCompleted, type Ctx } from '../../sections';
import { countryOf, shortCountry } from './country';

// Whom an appeal goes to: only the bodies the address book lists for the country (an
// appeal on China names no ombudsperson China does not have), each with the postal
// address, e-mail and salutation the book records; copies to the country's diplomats;
// the date to write by and the language to write in.

const LOCALE: Record<BriefLang, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

/** The salutation in the brief's language; Russian where the book has no Kazakh one (a letter to Bishkek is written in Russian). */
export function salutationFor(a: Addressee, lang: BriefLang): string {
  return lang === 'kk' ? a.salutation.kk ?? a.salutation.ru : a.salutation[lang];
}

/** "Russian, Kazakh, English" from the book's ISO codes, in the brief's language. */
function languageNames(codes: readonly string[], lang: BriefLang): string {
  const names = new Intl.DisplayNames([LOCALE[lang]], { type: 'language', fallback: 'code' });
  return codes.map((code) => names.of(code) ?? code).join(', ');
}

function official(ctx: Ctx, a: Addressee): void {
  const { w } = ctx;
  const u = uaLabels[ctx.lang];
  // One run a line: the writer starts each run on a line of its own.
  const line = (label: string, value: string | undefined): Run[] => (value ? [{ text: `${label}: ${value}` }] : []);
  w.keep(() => {
    w.block([{ text: join([a.title, a.holder], ', '), style: 'bold' }], { gapAfter: 1, keepWithNext: true });
    if (a.office !== a.title) w.block([{ text: a.office, color: THEME.muted }], { size: THEME.small, gapAfter: 1 });
    const details: Run[][] = [
      line(u.address, a.address?.join(', ')),
      line(u.email, a.email?.join(', ')),
      line(u.salutation, salutationFor(a, ctx.lang)),
    ].filter((r) => r.length > 0);
    for (const [i, runs] of details.entries()) w.block(runs, { size: THEME.small + 0.5, gapAfter: i === details.length - 1 ? 5 : 1 });
    // What the book says to check before sending is for the team.
    if (ctx.mode === 'internal' && a.note) w.block([{ text: `${a.note} (${formatPartialDate(a.asOf, ctx.l)})`, style: 'italic', color: THEME.muted }], { size: THEME.small, gapAfter: 5 });
  });
}

/** The officials section: the book's addressees, copies, the date to write by, the language. */
export function officials(ctx: Ctx, c: CaseFile, entry: CountryAddressees | undefined): void {
  const { w, l } = ctx;
  const u = uaLabels[ctx.lang];
  const ua = c.briefing?.urgentAction;
  w.heading(l.urgent.whom);
  const listed = entry?.addressees ?? [];
  if (listed.length === 0 && ctx.mode === 'internal') toBeCompleted(ctx, u.missing.officials(shortCountry(c.country, ctx) || '—'));
  for (const a of listed) official(ctx, a);
  if (ctx.mode === 'internal' && entry?.note) w.block([{ text: entry.note, style: 'italic', color: THEME.muted }], { size: THEME.small });
  w.block([{ text: u.copies(countryOf(c.country, ctx)) }]);
  if (ua?.sendBefore) w.block([{ text: u.sendBefore(formatPartialDate(ua.sendBefore, l)), style: 'bold' }]);
  else if (ctx.mode === 'internal') toBeCompleted(ctx, u.missing.sendBefore);
  const writeIn = ua?.writeIn?.trim() || (entry ? languageNames(entry.writeIn, ctx.lang) : '');
  w.block([{ text: join([writeIn && `${u.language}: ${writeIn}.`, u.ownLanguage], ' ') }]);
}
