import type { PrisonerCase } from '../../../../shared/model';
import type { BriefLang } from '../../../../shared/model/brief';
import { LABELS } from '../labels';
import { wgadLabels } from '../labels/wgad';
import { caseForBrief } from '../redaction';
import { categoryPoints, claimedCategories, defenceRemedies } from '../wgadFacts';
import { gap, type Gap, type GapCheck } from './gaps';

// What the Working Group's model questionnaire asks for that the case lacks, judged on
// the case as this mode prints it (a fact only a confidential event records supports
// nothing in a public communication). The organisation's name is checked with the
// profile (ctx is not available here).

const LANGS: readonly BriefLang[] = ['en', 'ru', 'kk'];

export const checkWgad: GapCheck = (cases, mode) => {
  const c = cases[0];
  if (!c || c.kind !== 'political_prisoner') return [];
  // The view drops the consent outside internal mode; the check reads it from the case itself.
  const view = caseForBrief(c, { mode }) as PrisonerCase;
  const out: Gap[] = [];
  const arrestDate = view.arrest?.date ?? view.events.find((e) => e.type === 'arrest' && e.date)?.date;
  if (!arrestDate) {
    out.push(gap('wgad.arrest_date', {
      en: 'No date of arrest: record it in the arrest details (or date the arrest event). Section II of the communication asks for it.',
      ru: 'Не указана дата ареста: внесите её в сведения об аресте (или укажите дату события «Задержание»). Её требует раздел II сообщения.',
      kk: 'Қамауға алынған күні көрсетілмеген: оны қамауға алу туралы мәліметтерге енгізіңіз (немесе «Ұстау» оқиғасының күнін көрсетіңіз). Хабарламаның II бөлімі соны талап етеді.',
    }, ['arrest', 'date']));
  }
  if (!view.arrest?.place) {
    out.push(gap('wgad.arrest_place', {
      en: 'No place of arrest: record it in the arrest details. Section II of the communication asks for it.',
      ru: 'Не указано место ареста: внесите его в сведения об аресте. Его требует раздел II сообщения.',
      kk: 'Қамауға алынған жері көрсетілмеген: оны қамауға алу туралы мәліметтерге енгізіңіз. Хабарламаның II бөлімі соны талап етеді.',
    }, ['arrest', 'place']));
  }
  const claimed = claimedCategories(view);
  if (claimed.length === 0) {
    out.push(gap('wgad.no_category', {
      en: 'No category of arbitrary detention is claimed: choose one or more of I–V in the case’s analysis. Section IV argues from them.',
      ru: 'Не заявлена ни одна категория произвольного задержания: выберите категории I–V в анализе дела. На них строится раздел IV.',
      kk: 'Еркін бостандықтан айырудың бірде-бір санаты көрсетілмеген: істің талдауында I–V санаттарын таңдаңыз. IV бөлім соларға сүйенеді.',
    }, ['analysis', 'wgadCategories']));
  }
  for (const cat of claimed) {
    const supported = LANGS.every((lang) => categoryPoints(view, cat, LABELS[lang], wgadLabels[lang]).length > 0);
    if (supported) continue;
    const at = c.analysis.wgadCategories.indexOf(cat);
    out.push(gap('wgad.category_unsupported', {
      en: `Category ${cat} is claimed but no fact in the case supports it${mode === 'internal' ? '' : ' that this brief may show'}, so the communication leaves it out: ${HINT.en[cat]}`,
      ru: `Категория ${cat} заявлена, но ни один факт дела${mode === 'internal' ? '' : ', который может быть показан в этом документе,'} её не подтверждает, поэтому сообщение её не включает: ${HINT.ru[cat]}`,
      kk: `${cat} санаты көрсетілген, бірақ оны істің бірде-бір${mode === 'internal' ? '' : ' осы құжатта көрсетуге болатын'} фактісі растамайды, сондықтан хабарлама оны қамтымайды: ${HINT.kk[cat]}`,
    }, ['analysis', 'wgadCategories', at]));
  }
  if (defenceRemedies(view).length === 0) {
    out.push(gap('wgad.no_remedy', {
      en: 'No domestic remedy is recorded: add the defence’s appeals or petitions as decisions (with their outcome). Section V asks what was tried and with what result.',
      ru: 'Не указано ни одного внутреннего средства защиты: внесите жалобы или ходатайства защиты как решения (с результатом). Раздел V спрашивает, что предпринималось и с каким результатом.',
      kk: 'Ішкі құқықтық қорғау құралы жазылмаған: қорғау тарапының шағымдары мен өтініштерін шешім ретінде (нәтижесімен) енгізіңіз. V бөлім не істелгенін және нәтижесін сұрайды.',
    }, ['decisions']));
  }
  if (mode === 'public') {
    out.push(gap('wgad.consent_public', {
      en: 'A public communication leaves the consent out; the Working Group needs it in a submission. Choose the submission mode to send it.',
      ru: 'В публичном сообщении согласие не приводится, а Рабочей группе оно нужно. Для отправки выберите режим «для подачи».',
      kk: 'Жария хабарламада келісім көрсетілмейді, ал Жұмыс тобына ол қажет. Жіберу үшін «ұсынуға арналған» режимін таңдаңыз.',
    }, ['consent']));
  } else if (mode === 'submission' && c.consent?.status !== 'given' && c.consent?.status !== 'not_needed') {
    out.push(gap('wgad.consent', {
      en: c.consent ? `The consent is ${c.consent.status}: the Working Group acts on a communication made with the detained person’s or the family’s consent. Record it once given.` : 'No consent is recorded: the Working Group acts on a communication made with the detained person’s or the family’s consent. Record who gave it and when.',
      ru: c.consent ? 'Согласие не получено: Рабочая группа рассматривает сообщение, направленное с согласия задержанного или семьи. Отметьте его, когда оно будет дано.' : 'Согласие не указано: Рабочая группа рассматривает сообщение, направленное с согласия задержанного или семьи. Укажите, кто и когда его дал.',
      kk: c.consent ? 'Келісім алынбаған: Жұмыс тобы ұсталған адамның немесе отбасының келісімімен жіберілген хабарламаны қарайды. Келісім берілгенде оны белгілеңіз.' : 'Келісім жазылмаған: Жұмыс тобы ұсталған адамның немесе отбасының келісімімен жіберілген хабарламаны қарайды. Оны кім және қашан бергенін көрсетіңіз.',
    }, ['consent']));
  }
  return out;
};

/** What would support each category, said to the advocate. */
const HINT: Record<BriefLang, Record<'I' | 'II' | 'III' | 'IV' | 'V', string>> = {
  en: {
    I: 'record the arrest (warrant shown or not, reasons given, legal basis) or an arrest event.',
    II: 'record the charges, a recognition, or the arrest or charge events.',
    III: 'record the verdict, appeal or hearing that went against the detainee (a hearing that granted release does not count).',
    IV: 'record the person’s nationality (category IV concerns non-nationals).',
    V: 'record the group the person belongs to (affiliation).',
  },
  ru: {
    I: 'внесите сведения об аресте (предъявлен ли ордер, названные причины, правовое основание) или событие «Задержание».',
    II: 'внесите обвинения, признание или события задержания и предъявления обвинения.',
    III: 'внесите приговор, решение по жалобе или заседание, решённые не в пользу задержанного (заседание, на котором освобождение удовлетворено, не подходит).',
    IV: 'укажите гражданство (категория IV касается иностранцев).',
    V: 'укажите группу, к которой принадлежит человек (принадлежность).',
  },
  kk: {
    I: 'қамауға алу туралы мәліметтерді (ордер көрсетілді ме, аталған себептер, құқықтық негіз) немесе «Ұстау» оқиғасын енгізіңіз.',
    II: 'айыптарды, тануды немесе ұстау мен айып тағу оқиғаларын енгізіңіз.',
    III: 'ұсталған адамның пайдасына шешілмеген үкімді, шағым бойынша шешімді немесе сот отырысын енгізіңіз (босату қанағаттандырылған отырыс жарамайды).',
    IV: 'азаматтығын көрсетіңіз (IV санат шетелдіктерге қатысты).',
    V: 'адамның қандай топқа жататынын көрсетіңіз (қатыстылығы).',
  },
};
