import { gap, type Gap, type GapCheck } from './gaps';

// What a country list needs of each case: a country (the title and the counts go by it),
// the day the detention or measure began, and a source the profile rests on.

export const checkMulti: GapCheck = (cases, mode) => {
  const out: Gap[] = [];
  cases.forEach((c, i) => {
    if (!c.country) {
      out.push(gap('multi.country', {
        en: `cases[${i}].country: “${c.title}” names no country. Expected its ISO code (KZ…): the list's title and context leave it out.`,
        ru: `cases[${i}].country: в деле «${c.title}» не указана страна. Укажите код ISO (KZ…): иначе заголовок и контекст списка её не учтут.`,
        kk: `cases[${i}].country: «${c.title}» ісінде ел көрсетілмеген. ISO кодын көрсетіңіз (KZ…): әйтпесе тізімнің тақырыбы мен мәнмәтіні оны ескермейді.`,
      }, ['cases', i, 'country']));
    }
    const since = c.kind === 'political_prisoner' ? c.detention.since : c.measure.start;
    const ongoing = c.kind === 'ngo_suspension' || !['released', 'unknown'].includes(c.detention.status);
    if (!since && ongoing) {
      const path = c.kind === 'political_prisoner' ? ['cases', i, 'detention', 'since'] : ['cases', i, 'measure', 'start'];
      const at = `cases[${i}].${path.slice(2).join('.')}`;
      out.push(gap('multi.since', {
        en: `${at}: “${c.title}” does not say since when. Expected a date (YYYY, YYYY-MM or YYYY-MM-DD).`,
        ru: `${at}: в деле «${c.title}» не указано, с какого времени. Укажите дату (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД).`,
        kk: `${at}: «${c.title}» ісінде қашаннан бастап екені көрсетілмеген. Күнді көрсетіңіз (ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК).`,
      }, path));
    }
    const sources = mode === 'internal' ? c.sources : c.sources.filter((s) => s.confidential !== true);
    if (sources.length === 0) {
      out.push(gap('multi.sources', {
        en: `cases[${i}].sources: “${c.title}” has no source this brief may print. Expected at least one public source: its profile lists none.`,
        ru: `cases[${i}].sources: у дела «${c.title}» нет источника, который можно напечатать в этом документе. Добавьте хотя бы один открытый источник: иначе в профиле их не будет.`,
        kk: `cases[${i}].sources: «${c.title}» ісінде осы құжатта басуға болатын дереккөз жоқ. Кемінде бір ашық дереккөз қосыңыз: әйтпесе профильде дереккөз болмайды.`,
      }, ['cases', i, 'sources']));
    }
  });
  return out;
};
