import type { CaseFile, PathSegment } from '../../../../shared/model';
import type { BriefLang, BriefMode } from '../../../../shared/model/brief';
import type { Organization } from '../../../../shared/organization';
import { nameInScript, summaryFor } from '../caseLanguage';
import { gap, type Gap, type Words } from './gaps';

// What every template asks of a case, whatever its recipient: a summary the reader can
// read, the name in the brief's script, and — for a submission to a mechanism — who
// submits and on whose consent. Run before each template's own list (see index.ts).

/** What a check needs beyond the cases: the data folder's settings, and the brief's language when the reader reads another. */
export type CheckContext = { organization?: Organization | undefined; briefLang?: BriefLang };

const NO_ORGANIZATION: Words = {
  en: "A submission names who submits it, and Settings → Organisation has no name: the brief will have no submitter. Fill it in (or `casefile settings --org-name NAME`).",
  ru: 'В обращении указывается, кто его направляет, а в разделе «Настройки → Организация» не указано название: в документе не будет отправителя. Укажите его (или `casefile settings --org-name НАЗВАНИЕ`).',
  kk: 'Өтініште оны кім жіберетіні көрсетіледі, ал «Баптаулар → Ұйым» бөлімінде ұйымның атауы жоқ: құжатта жіберуші көрсетілмейді. Атауын толтырыңыз (немесе `casefile settings --org-name АТАУЫ`).',
};

const NO_CONSENT: Words = {
  en: 'A submission acts on someone\'s behalf, and no consent is recorded: record whether the person concerned or their family gave it (Consent).',
  ru: 'Обращение направляется от чьего-то имени, а согласие не указано: укажите, дал ли его сам человек или его семья («Согласие»).',
  kk: 'Өтініш біреудің атынан жіберіледі, ал келісім жазылмаған: адамның өзі немесе отбасы келісім бергенін көрсетіңіз («Келісім»).',
};

const CONSENT_REFUSED: Words = {
  en: 'The consent recorded for this case was refused: a submission on their behalf goes against it. Check with the person or their family before sending.',
  ru: 'В деле записано, что в согласии отказано: обращение от их имени идёт против их воли. Прежде чем отправлять, уточните у самого человека или его семьи.',
  kk: 'Істе келісім берілмегені жазылған: олардың атынан өтініш олардың еркіне қайшы. Жібермес бұрын адамның өзімен немесе отбасымен нақтылаңыз.',
};

const CONSENT_PENDING: Words = {
  en: 'The consent for this case is still pending: a submission should wait for it, or record it once given.',
  ru: 'Согласие по этому делу ещё не получено: дождитесь его и запишите, когда оно будет дано.',
  kk: 'Бұл іс бойынша келісім әлі алынған жоқ: оны күтіп, берілгенде жазыңыз.',
};

const NO_SUMMARY: Words = {
  en: 'The case has no summary: the brief will open without saying what happened. Write one (Summary).',
  ru: 'В деле нет краткого описания: документ начнётся, не сказав, что произошло. Напишите его («Краткое описание»).',
  kk: 'Істің қысқаша мазмұны жоқ: құжат не болғанын айтпай басталады. Оны жазыңыз («Қысқаша мазмұны»).',
};

const LANG_NAME: Record<BriefLang, Words> = {
  en: { en: 'English', ru: 'английском', kk: 'ағылшын' },
  ru: { en: 'Russian', ru: 'русском', kk: 'орыс' },
  kk: { en: 'Kazakh', ru: 'казахском', kk: 'қазақ' },
};

const nameNotInScript = (name: string, lang: BriefLang): Words => ({
  en: `"${name}" has no Cyrillic spelling among its aliases: a ${LANG_NAME[lang].en} brief will print it in Latin letters. Add the Cyrillic spelling under Other names and spellings.`,
  ru: `Для «${name}» не указано написание кириллицей: в документе на ${LANG_NAME[lang].ru} языке оно будет напечатано латиницей. Добавьте написание кириллицей в «Другие имена и написания».`,
  kk: `«${name}» үшін кирилше жазылу нұсқасы жоқ: ${LANG_NAME[lang].kk} тіліндегі құжатта ол латын әрпімен басылады. Кирилше жазылуын «Басқа аттары мен жазылу нұсқалары» өрісіне қосыңыз.`,
});

const summaryInOtherScript = (lang: BriefLang): Words => ({
  en: `The summary is not written in ${lang === 'en' ? 'Latin' : 'Cyrillic'} letters, and no ${LANG_NAME[lang].en} summary is given: the brief will print it as written. Add a translated summary for ${LANG_NAME[lang].en} briefs.`,
  ru: `Краткое описание написано не ${lang === 'en' ? 'латиницей' : 'кириллицей'}, а описания на ${LANG_NAME[lang].ru} языке нет: документ напечатает его как есть. Добавьте переведённое описание для документов на ${LANG_NAME[lang].ru} языке.`,
  kk: `Қысқаша мазмұны ${lang === 'en' ? 'латын' : 'кирилл'} әрпімен жазылмаған, ал ${LANG_NAME[lang].kk} тіліндегі аудармасы жоқ: құжат оны жазылғандай басады. ${LANG_NAME[lang].kk[0]!.toUpperCase()}${LANG_NAME[lang].kk.slice(1)} тіліндегі құжаттар үшін аударылған мазмұнды қосыңыз.`,
});

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const count = (text: string, letters: RegExp) => text.match(letters)?.length ?? 0;

/** Whether the text is written mostly in the brief's script (names quoted in another script do not change that). */
function mostlyInScript(text: string, lang: BriefLang): boolean {
  const cyrillic = count(text, CYRILLIC);
  const latin = count(text, LATIN);
  return lang === 'en' ? latin >= cyrillic : cyrillic >= latin;
}



/** The gaps of one case, with paths inside it, for a brief in `lang`. */
function caseGaps(c: CaseFile, mode: BriefMode, lang: BriefLang): Gap[] {
  const gaps: Gap[] = [];
  if (mode === 'submission') {
    const consent = c.consent?.status;
    if (consent === undefined) gaps.push(gap('submission.consent', NO_CONSENT, ['consent']));
    else if (consent === 'refused') gaps.push(gap('submission.consent.refused', CONSENT_REFUSED, ['consent', 'status']));
    else if (consent === 'pending') gaps.push(gap('submission.consent.pending', CONSENT_PENDING, ['consent', 'status']));
  }
  const summary = summaryFor(c, lang).trim();
  if (summary === '') gaps.push(gap('common.summary', NO_SUMMARY, ['summary']));
  else if (!mostlyInScript(summary, lang)) gaps.push(gap('common.summary.script', summaryInOtherScript(lang), ['briefing', 'summaries', lang]));
  // A Russian or Kazakh reader cannot say a Latin-script name; an English brief prints a Cyrillic one as written, which UN staff transliterate.
  if (lang !== 'en') {
    const [name, aliases, where]: [string, readonly string[], PathSegment[]] =
      c.kind === 'political_prisoner' ? [c.person.name, c.person.aliases, ['person', 'aliases']] : [c.organization.name, c.organization.aliases, ['organization', 'aliases']];
    if (count(nameInScript(name, aliases, lang), CYRILLIC) === 0) gaps.push(gap('common.name.script', nameNotInScript(name, lang), where));
  }
  return gaps;
}

/** Prefixes a gap with the case it is about, for a brief on several cases. */
function aboutCase(g: Gap, c: CaseFile): Gap {
  const text = Object.fromEntries(Object.entries(g.text).map(([lang, message]) => [lang, `«${c.title}»: ${message}`])) as Words;
  return { ...g, text };
}

/** What every template needs and the cases lack; the organisation's name once, the rest per case. `lang` is the reader's. */
export function commonGaps(cases: readonly CaseFile[], mode: BriefMode, lang: BriefLang, context: CheckContext = {}): Gap[] {
  const briefLang = context.briefLang ?? lang;
  const gaps: Gap[] = [];
  if (mode === 'submission' && !context.organization?.name?.trim()) gaps.push(gap('submission.organization', NO_ORGANIZATION));
  for (const c of cases) {
    const own = caseGaps(c, mode, briefLang);
    gaps.push(...(cases.length > 1 ? own.map((g) => aboutCase(g, c)) : own));
  }
  return gaps;
}
