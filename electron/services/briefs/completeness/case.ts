import type { BriefMode } from '../../../../shared/model/brief';
import type { CaseFile } from '../../../../shared/model';
import { gap, type Gap, type GapCheck } from './gaps';

// What a dossier needs for every fact to carry its source: sources a reader can find
// (publisher, date) and events that name a source. Items the mode leaves out are not
// asked about; paths are the stored case's.

const shown = (mode: BriefMode, item: { confidential?: boolean | undefined }) => mode === 'internal' || item.confidential !== true;

export const checkCase: GapCheck = (cases, mode) => {
  const c: CaseFile | undefined = cases[0];
  if (!c) return [];
  const out: Gap[] = [];
  c.sources.forEach((s, i) => {
    if (!shown(mode, s)) return;
    if (!s.publisher?.trim()) {
      out.push(gap('case.source_publisher', {
        en: `The source “${s.title}” names no publisher: the annex lists it without one. Add who published it.`,
        ru: `У источника «${s.title}» не указан издатель: в приложении он будет без него. Укажите, кто его опубликовал.`,
        kk: `«${s.title}» дереккөзінің жариялаушысы көрсетілмеген: қосымшада ол жариялаушысыз беріледі. Кім жариялағанын көрсетіңіз.`,
      }, ['sources', i, 'publisher']));
    }
    if (!s.publishedOn) {
      out.push(gap('case.source_date', {
        en: `The source “${s.title}” has no date: the annex lists it undated. Add the date it was published.`,
        ru: `У источника «${s.title}» нет даты: в приложении он будет без даты. Укажите дату публикации.`,
        kk: `«${s.title}» дереккөзінің күні жоқ: қосымшада ол күнсіз беріледі. Жарияланған күнін көрсетіңіз.`,
      }, ['sources', i, 'publishedOn']));
    }
  });
  const visible = new Set(c.sources.filter((s) => shown(mode, s)).map((s) => s.id));
  c.events.forEach((e, i) => {
    if (!shown(mode, e)) return;
    if ((e.sourceIds ?? []).some((id) => visible.has(id))) return;
    out.push(gap('case.event_source', {
      en: `The event “${e.title}” cites no source${mode === 'internal' ? '' : ' this brief may show'}: the chronology prints it without a note. Link it to the source that records it.`,
      ru: `Событие «${e.title}» не ссылается ни на один источник${mode === 'internal' ? '' : ', который можно показать в этом документе'}: в хронологии оно будет без сноски. Свяжите его с источником.`,
      kk: `«${e.title}» оқиғасы бірде-бір дереккөзге${mode === 'internal' ? '' : ' (осы құжатта көрсетуге болатын)'} сілтеме жасамайды: хронологияда ол ескертпесіз беріледі. Оны дереккөзбен байланыстырыңыз.`,
    }, ['events', i, 'sourceIds']));
  });
  return out;
};
