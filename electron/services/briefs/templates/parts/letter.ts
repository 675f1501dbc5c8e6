import type { CountryAddressees } from '../../../../../shared/model/addressees';
import type { CaseFile } from '../../../../../shared/model';
import type { Run } from '../../doc/model';
import { THEME } from '../../doc/theme';
import { uaLabels } from '../../labels/urgentAction';
import { confidentialMark, subjectName, toBeCompleted, type Ctx } from '../../sections';
import { citableRights, countryOf, shortCountry } from './country';
import { salutationFor } from './officials';

// The urgent action's model letter: a salutation, what the letter is about, the case's own
// requests word for word, the rights the case records as the country may be reminded of
// them, and a courteous close. It asks nothing the case does not ask: a case without
// requests has no letter (an internal brief says what is missing).

function lowerFirst(text: string, locale: string): string {
  return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
}

/** What the person or organisation is going through, in the words of the brief's tables. */
function stateOf(c: CaseFile, ctx: Ctx): string {
  const { l } = ctx;
  if (c.kind === 'political_prisoner') return c.detention.status === 'unknown' ? '' : lowerFirst(l.detentionStatus[c.detention.status], l.locale);
  return lowerFirst(l.measureType[c.measure.type], l.locale);
}

/** The requests as the case stores them, each narrowed to a recipient marked with it. */
function requestItems(ctx: Ctx, c: CaseFile): Run[][] {
  const { l } = ctx;
  // One run: the writer starts each run on a line of its own, and the addressee belongs on the request's line.
  return c.requests.map((r): Run[] => [
    { text: r.addressee?.trim() ? `${l.facts.requestTo(r.addressee.trim())} ${r.text}` : r.text },
    ...confidentialMark(l, r.confidential),
  ]);
}

export function modelLetter(ctx: Ctx, c: CaseFile, entry: CountryAddressees | undefined): void {
  const { w, l } = ctx;
  const u = uaLabels[ctx.lang];
  if (c.requests.length === 0) {
    if (ctx.mode === 'internal') {
      w.heading(l.urgent.ask);
      toBeCompleted(ctx, u.missing.requests);
    }
    return;
  }
  w.heading(l.urgent.ask);
  w.block([{ text: u.modelLetter, style: 'italic', color: THEME.muted }], { size: THEME.small });
  const first = entry?.addressees[0];
  const rights = citableRights(c, entry);
  const country = ctx.lang === 'en' ? countryOf(c.country, ctx) : shortCountry(c.country, ctx);
  w.block([{ text: first ? salutationFor(first, ctx.lang) : u.genericSalutation }], { indent: 10 });
  w.block([{ text: u.letterAbout(subjectName(c), stateOf(c, ctx)) }], { indent: 10 });
  w.block([{ text: u.letterAsk }], { indent: 10, gapAfter: 2, keepWithNext: true });
  w.bullets(requestItems(ctx, c), { ordered: true, indent: 10 });
  // The close never stands alone at the top of a page: it keeps the lines before it.
  w.keep(() => {
    if (rights.iccpr.length > 0 && country) w.block([{ text: u.rightsIccpr(country, u.articles(rights.iccpr)) }], { indent: 10 });
    if (rights.udhr.length > 0) w.block([{ text: u.rightsUdhr(u.articles(rights.udhr)) }], { indent: 10 });
    w.block([{ text: u.close }], { indent: 10 });
  });
}
