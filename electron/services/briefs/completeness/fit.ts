import type { CaseFile } from '../../../../shared/model';
import type { BriefLang, BriefTemplate } from '../../../../shared/model/brief';

// A template that does not fit its cases is refused before anything is drawn, with
// the reason and the template that would fit, in the reader's language.

type Words = Record<BriefLang, string>;

const MULTI_EMPTY: Words = {
  en: 'The multi-case brief needs at least one case.',
  ru: 'Для сводки по нескольким делам нужно хотя бы одно дело.',
  kk: 'Бірнеше іс бойынша шолуға кемінде бір іс қажет.',
};

const oneCase = (template: BriefTemplate, n: number): Words => ({
  en: `The "${template}" brief is about exactly one case; ${n} were given. Use the "multi" brief for several.`,
  ru: `Документ «${template}» составляется по одному делу, а выбрано ${n}. Для нескольких дел выберите сводку («multi»).`,
  kk: `«${template}» құжаты бір іс бойынша жасалады, ал ${n} іс таңдалды. Бірнеше іс үшін шолуды («multi») таңдаңыз.`,
});

const WGAD_FOR_NGO: Words = {
  en: 'The WGAD communication is for a political prisoner; this case is an NGO case. Use the "ngo" or "case" brief.',
  ru: 'Сообщение в Рабочую группу по произвольным задержаниям составляется по делу политзаключённого, а это дело организации. Выберите обращение к Специальному докладчику («ngo») или справку по делу («case»).',
  kk: 'Еркін бостандықтан айыру жөніндегі жұмыс тобына хабарлама саяси тұтқынның ісі бойынша жасалады, ал бұл — ұйымның ісі. Арнайы баяндамашыға өтінішті («ngo») немесе іс бойынша анықтаманы («case») таңдаңыз.',
};

const NGO_FOR_PRISONER: Words = {
  en: 'The NGO brief (for the Special Rapporteur on freedom of association) is for an NGO case; this case is a political prisoner. Use the "wgad" or "case" brief.',
  ru: 'Обращение к Специальному докладчику по вопросу о праве на свободу ассоциации составляется по делу организации, а это дело политзаключённого. Выберите сообщение в РГПЗ («wgad») или справку по делу («case»).',
  kk: 'Бірлестік бостандығы жөніндегі Арнайы баяндамашыға өтініш ұйымның ісі бойынша жасалады, ал бұл — саяси тұтқынның ісі. ЕБАЖТ-ға хабарламаны («wgad») немесе іс бойынша анықтаманы («case») таңдаңыз.',
};

/** Why the template cannot be rendered for these cases, or undefined when it fits. */
export function refusalOf(template: BriefTemplate, cases: readonly CaseFile[], lang: BriefLang): string | undefined {
  if (template === 'multi') return cases.length === 0 ? MULTI_EMPTY[lang] : undefined;
  if (cases.length !== 1) return oneCase(template, cases.length)[lang];
  const kind = cases[0]!.kind;
  if (template === 'wgad' && kind !== 'political_prisoner') return WGAD_FOR_NGO[lang];
  if (template === 'ngo' && kind !== 'ngo_suspension') return NGO_FOR_PRISONER[lang];
  return undefined;
}
