import { gap, type Gap, type GapCheck } from './gaps';

// What the Special Rapporteur on freedom of association asks of a measure that the case
// may lack: its legal basis and date, the aim the authorities claim, the argument on the
// ICCPR 22(2) tests, and the case's own requests.

export const checkNgo: GapCheck = (cases, mode) => {
  const c = cases[0];
  if (!c || c.kind !== 'ngo_suspension') return [];
  const out: Gap[] = [];
  const m = c.measure;
  if (!m.legalBasis?.trim()) {
    out.push(gap('ngo.legalBasis', {
      en: 'measure.legalBasis: no legal basis recorded. Expected the provision the authority relied on ("Code of Administrative Offences, art. 489"); the first 22(2) test turns on it.',
      ru: 'measure.legalBasis: правовое основание не указано. Укажите норму, на которую сослался орган («КоАП, ст. 489»); от неё зависит первый критерий статьи 22(2).',
      kk: 'measure.legalBasis: құқықтық негіз жазылмаған. Орган сілтеме жасаған норманы көрсетіңіз («ӘҚБтК, 489-бап»); 22(2)-баптың бірінші өлшемі соған байланысты.',
    }, ['measure', 'legalBasis']));
  }
  if (!m.start) {
    out.push(gap('ngo.measureDate', {
      en: `measure.start: the date ${m.authority} imposed the measure is not recorded. Expected a date (YYYY, YYYY-MM or YYYY-MM-DD).`,
      ru: `measure.start: не указана дата, когда орган (${m.authority}) применил меру. Укажите дату (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД).`,
      kk: `measure.start: орган (${m.authority}) шараны қолданған күн жазылмаған. Күнді көрсетіңіз (ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК).`,
    }, ['measure', 'start']));
  }
  if (!m.aimClaimed?.trim()) {
    out.push(gap('ngo.aim', {
      en: 'measure.aimClaimed: the aim the authorities gave is not recorded. Expected their words ("protecting public order"); the legitimate-aim test prints a dash without it.',
      ru: 'measure.aimClaimed: не указана цель, которую назвали власти. Укажите её их словами («охрана общественного порядка»); без неё критерий законной цели останется пустым.',
      kk: 'measure.aimClaimed: билік атаған мақсат жазылмаған. Оны олардың сөзімен көрсетіңіз («қоғамдық тәртіпті қорғау»); онсыз заңды мақсат өлшемі бос қалады.',
    }, ['measure', 'aimClaimed']));
  }
  if (!c.analysis.argument?.trim()) {
    out.push(gap('ngo.argument', {
      en: 'analysis.argument: no argument recorded. Expected why the measure fails the 22(2) tests; the submission argues nothing without it.',
      ru: 'analysis.argument: аргументация не указана. Объясните, почему мера не отвечает критериям статьи 22(2); без этого обращение ничего не доказывает.',
      kk: 'analysis.argument: дәлелдеме жазылмаған. Шара неліктен 22(2)-бап өлшемдеріне сай емес екенін түсіндіріңіз; онсыз өтініш ештеңені дәлелдемейді.',
    }, ['analysis', 'argument']));
  }
  const requests = mode === 'internal' ? c.requests : c.requests.filter((r) => r.confidential !== true);
  if (requests.length === 0) {
    out.push(gap('ngo.requests', {
      en: 'requests: the case has no request this brief may print. Expected at least one, in your words: the submission asks the Special Rapporteur nothing the case does not.',
      ru: 'requests: в деле нет просьб, которые можно напечатать в этом документе. Запишите хотя бы одну своими словами: обращение не просит Специального докладчика ни о чём сверх этого.',
      kk: 'requests: істе осы құжатта басуға болатын өтініш жоқ. Кемінде біреуін өз сөзіңізбен жазыңыз: өтініш Арнайы баяндамашыдан істе жоқты сұрамайды.',
    }, ['requests']));
  }
  return out;
};
