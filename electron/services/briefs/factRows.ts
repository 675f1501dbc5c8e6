import type { CaseFile, NgoCase, PrisonerCase } from '../../../shared/model';
import type { BriefMode } from '../../../shared/model/brief';
import type { CalendarDate } from '../../../shared/text/dates';
import type { Labels } from './labels';
import { countryShort, formatMoney, formatMonths, formatPartialDate, placeText } from './format';
import { table, type DocBuilder } from './doc/builder';
import { appealText, bornText, chargeText, confidentialIdentity, detentionText, expectedReleaseText, measureText, nationalityText, recognitionText, sentenceText, verdictText, type FactRow } from './caseText';

// The key facts of a case as label/value rows, and the two-column table that shows
// them: the block most templates open with (sections.ts re-exports it).

/** "Алматы, Kazakhstan"; an NGO's city first ("Астана, Kazakhstan", each part once). */
export function place(c: CaseFile, l: Labels): string {
  return placeText([c.kind === 'ngo_suspension' ? c.organization.city : undefined, c.region, countryShort(c.country, l)]);
}


/** The case's workflow state: for the team only (a public brief shows no priority or status). */
function workflowRow(c: CaseFile, l: Labels, mode: BriefMode): FactRow {
  return [l.field.caseStatus, mode === 'internal' ? `${l.status[c.status]} · ${l.field.priority}: ${l.priority[c.priority]}` : undefined];
}

export function prisonerFacts(c: PrisonerCase, l: Labels, mode: BriefMode, today: CalendarDate): FactRow[] {
  const f = l.field;
  return [
    [f.name, c.person.name],
    [f.otherNames, c.person.aliases.join('; ')],
    [f.born, bornText(c, l)],
    [f.gender, c.person.gender && l.gender[c.person.gender]],
    [l.facts.nationality, nationalityText(c, l)],
    [f.occupation, c.person.occupation],
    [f.affiliation, c.person.affiliation],
    [f.country, place(c, l)],
    workflowRow(c, l, mode),
    [f.detention, detentionText(c, l)],
    [l.facts.heldBy, c.detention.heldBy],
    [f.since, formatPartialDate(c.detention.since, l)],
    [l.facts.releasedOn, formatPartialDate(c.detention.releasedOn, l)],
    [f.expectedRelease, expectedReleaseText(c, l, today)],
    [l.facts.conditions, c.detention.conditions],
    [l.facts.health, c.detention.health],
    [f.charges, c.charges.map((ch) => chargeText(ch, l)).join('\n')],
    [l.facts.penaltyInForce, sentenceText(c, l)],
    [l.facts.col.stage, verdictText(c, l)],
    [f.recognitions, c.recognitions.map((r) => recognitionText(r, l)).join('\n')],
    [f.lawyer, c.lawyer],
    [f.contact, c.person.contact],
    ...confidentialIdentity(c, l),
  ];
}

export function ngoFacts(c: NgoCase, l: Labels, mode: BriefMode): FactRow[] {
  const f = l.field;
  const m = c.measure;
  return [
    [f.organisation, c.organization.name],
    [f.otherNames, c.organization.aliases.join('; ')],
    [l.facts.legalForm, c.organization.legalForm],
    [f.registrationNumber, c.organization.registrationNumber],
    [f.focus, c.organization.focus],
    [f.city, place(c, l)],
    workflowRow(c, l, mode),
    [f.measure, measureText(c, l)],
    [f.authority, m.authority],
    [f.legalBasis, m.legalBasis],
    [f.start, formatPartialDate(m.start, l)],
    [f.end, formatPartialDate(m.end, l)],
    [f.duration, formatMonths(m.durationMonths, l)],
    [f.fine, formatMoney(m.fine, l)],
    [f.appeal, appealText(c, l)],
  ];
}

export function factsTable(w: DocBuilder, rows: readonly FactRow[]): void {
  const present = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1].trim() !== '');
  table(w, [{ header: '', width: 0.27 }, { header: '', width: 0.73 }], present, { labelColumn: true, noHeader: true });
}
