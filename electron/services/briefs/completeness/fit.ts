import type { CaseFile } from '../../../../shared/model';
import { CUSTODIAL_PENALTIES } from '../../../../shared/model/decisions';
import type { BriefLang, BriefTemplate } from '../../../../shared/model/brief';
import type { Words } from './gaps';

// A template that does not fit its cases is refused before anything is drawn, with
// the reason and the template that would fit, in the reader's language.

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

/** The situations that hold no one, as the refusal names them. */
type FreeStatus = 'fined' | 'exile' | 'unknown';
const FREE_STATUS: Record<BriefLang, Record<FreeStatus, string>> = {
  en: { fined: 'fined', exile: 'in exile', unknown: 'not known' },
  ru: { fined: 'штраф', exile: 'эмиграция', unknown: 'неизвестно' },
  kk: { fined: 'айыппұл', exile: 'эмиграцияда', unknown: 'белгісіз' },
};

const wgadNeverDetained = (status: FreeStatus): Words => ({
  en: `The WGAD communication is about a deprivation of liberty, and this case records none: no arrest (arrest), no arrest event, a present situation recorded as "${FREE_STATUS.en[status]}" (detention.status) and no custodial penalty among the decisions. Use the "case" brief, or the "urgent-action" sheet for an appeal. If the person was held, record the arrest or the detention first.`,
  ru: `Сообщение в Рабочую группу по произвольным задержаниям касается лишения свободы, а в этом деле оно не указано: нет сведений об аресте (arrest), нет события ареста, нынешнее положение — «${FREE_STATUS.ru[status]}» (detention.status), и среди решений нет наказания, связанного с лишением свободы. Выберите справку по делу («case») или срочную акцию («urgent-action»). Если человека задерживали, сначала запишите арест или содержание под стражей.`,
  kk: `Еркін бостандықтан айыру жөніндегі жұмыс тобына хабарлама бостандықтан айыру туралы жасалады, ал бұл істе ол жазылмаған: қамауға алу туралы мәлімет (arrest) жоқ, қамауға алу оқиғасы жоқ, қазіргі жағдайы — «${FREE_STATUS.kk[status]}» (detention.status), шешімдер арасында бас бостандығынан айыруға байланысты жаза жоқ. Іс бойынша анықтаманы («case») немесе шұғыл әрекетті («urgent-action») таңдаңыз. Егер адам ұсталған болса, алдымен қамауға алуды немесе күзетпен ұстауды жазыңыз.`,
});

/**
 * Situations in which the person is, or was, held. `released` counts: no one is released who was
 * not held, and the WGAD takes communications on past detentions. `fined`, `exile` and `unknown` do not.
 */
const HOLDING_STATUSES: ReadonlySet<string> = new Set([
  'pre_trial', 'house_arrest', 'administrative_arrest', 'imprisoned', 'restricted_freedom', 'forced_treatment', 'incommunicado', 'released',
]);

/** Whether the file records any deprivation of liberty: the fact the WGAD's mandate turns on. */
function everDetained(c: Extract<CaseFile, { kind: 'political_prisoner' }>): boolean {
  // "Warrant shown: unknown" alone says nothing about whether anyone was arrested.
  const arrest = c.arrest && Object.entries(c.arrest).some(([k, v]) => v !== undefined && v !== '' && !(k === 'warrantShown' && v === 'unknown'));
  return Boolean(arrest)
    || c.events.some((e) => e.type === 'arrest')
    || HOLDING_STATUSES.has(c.detention.status)
    || c.decisions.some((d) => d.penalty !== undefined && CUSTODIAL_PENALTIES.has(d.penalty.type));
}

/** Why the template cannot be rendered for these cases, or undefined when it fits. */
export function refusalOf(template: BriefTemplate, cases: readonly CaseFile[], lang: BriefLang): string | undefined {
  if (template === 'multi') return cases.length === 0 ? MULTI_EMPTY[lang] : undefined;
  if (cases.length !== 1) return oneCase(template, cases.length)[lang];
  const c = cases[0]!;
  if (template === 'wgad' && c.kind !== 'political_prisoner') return WGAD_FOR_NGO[lang];
  if (template === 'wgad' && c.kind === 'political_prisoner' && !everDetained(c)) return wgadNeverDetained(c.detention.status as FreeStatus)[lang];
  if (template === 'ngo' && c.kind !== 'ngo_suspension') return NGO_FOR_PRISONER[lang];
  return undefined;
}
