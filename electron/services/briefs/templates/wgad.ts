import type { PrisonerCase } from '../../../../shared/model';
import { countryShort, formatPartialDate, join } from '../format';
import { table } from '../layout/table';
import { THEME } from '../layout/text';
import {
  advocacy, chargeText, domesticRemedies, evidence, factsTable, sentenceText, sortedEvents, titleBlock, wgadCategories, type Ctx,
} from '../sections';

/**
 * The Working Group's model questionnaire (sections I–VI), filled from the case.
 * The submitter block stays blank: who signs is decided when it is sent.
 */
export function renderWgad(ctx: Ctx, c: PrisonerCase): void {
  const { w, l } = ctx;
  const q = l.wgad;
  titleBlock(ctx, l.templateTitle.wgad, c.title);
  w.block([{ text: q.intro, style: 'italic', color: THEME.muted }], { gapAfter: 8 });

  w.heading(q.s1);
  factsTable(w, [
    [q.familyName, c.person.name],
    [q.otherNames, c.person.aliases.join('; ')],
    [q.sex, c.person.gender && l.gender[c.person.gender]],
    [q.birthYear, c.person.birthYear?.toString()],
    [q.profession, c.person.occupation],
    [q.affiliation, c.person.affiliation],
    [q.country, join([countryShort(c.country, l), c.region])],
    [l.field.contact, c.person.contact],
  ]);

  w.heading(q.s2);
  const arrests = sortedEvents(c).filter((e) => e.type === 'arrest');
  factsTable(w, [[q.arrestDate, arrests[0] ? formatPartialDate(arrests[0].date, l) : l.notRecorded]]);
  if (arrests.length === 0) w.block([{ text: q.noArrest, color: THEME.muted }]);
  else {
    table(
      w,
      [{ header: l.table.date, width: 0.2 }, { header: q.arrestEvents, width: 0.8 }],
      arrests.map((e) => [formatPartialDate(e.date, l), [{ text: e.title, style: 'bold' as const }, ...(e.description ? [{ text: e.description }] : [])]]),
    );
  }

  w.heading(q.s3);
  factsTable(w, [
    [q.detentionSince, formatPartialDate(c.detention.since, l)],
    [q.detentionStatus, l.detentionStatus[c.detention.status]],
    [q.detentionPlace, c.detention.place],
    [q.expectedRelease, formatPartialDate(c.detention.expectedRelease, l)],
    [q.legalBasis, c.charges.length > 0 ? c.charges.map(chargeText).join('\n') : l.notRecorded],
    [q.sentence, sentenceText(c, l)],
    [l.field.verdict, c.sentence && join([formatPartialDate(c.sentence.verdictDate, l), c.sentence.court])],
    [l.field.lawyer, c.lawyer],
  ]);

  w.heading(q.s4);
  w.text(c.summary);
  wgadCategories(ctx, c);
  if (c.analysis.rightsViolated.length > 0) {
    w.block([{ text: `${q.rights}: ${c.analysis.rightsViolated.join(', ')}`, style: 'bold' }]);
  }
  if (c.analysis.argument) {
    w.heading(l.section.argument, 2);
    w.text(c.analysis.argument);
  }
  if (c.annotations.length > 0) evidence(ctx, c, l.section.evidence, 2);

  w.heading(q.s5);
  domesticRemedies(ctx, c, null);
  advocacy(ctx, c, 2);

  w.heading(q.s6);
  for (const label of [q.submitterName, q.submitterOrganisation, q.submitterAddress]) w.fillIn(label, label === q.submitterAddress ? 2 : 1);
  for (const label of [q.submitterPhone, q.submitterEmail, q.consent, q.submitterDate, q.submitterSignature]) w.fillIn(label);
}
