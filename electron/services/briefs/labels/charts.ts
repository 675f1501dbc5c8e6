import type { BriefLang } from '../../../../shared/model/brief';
import type { ChartId, Series } from '../../../../shared/stats/chartOptions';

// The words of the multi-case brief's caseload section: the charts' own words (the
// Statistics view says the same in the window) and what the brief says around them.

type Counts = Record<Series, number>;

const en = {
  heading: 'Caseload',
  intro: 'The charts count the cases of this list from the facts it prints: the date of arrest (or, when it is not known, the start of detention), of release and of each measure against an organisation; the region and country; the articles charged; the penalty in force. The numbers of each chart are in the table under it.',
  introInternal: 'This internal brief also counts the cases by their status in the team’s work.',
  caption: (n: number, title: string) => `Figure ${n}. ${title}`,
  alt: (title: string) => `Chart: ${title}. Its numbers are in the table that follows.`,
  title: {
    'over-time': 'Detentions, releases and measures over time',
    'by-region': 'Cases in Kazakhstan by region',
    'by-country': 'Cases by country',
    'by-article': 'Cases by charge',
    'by-penalty': 'Prisoners by the penalty in force',
    'by-status': 'Cases by status',
  } satisfies Record<ChartId, string>,
  series: { detentions: 'Detentions', releases: 'Releases', measures: 'Measures against NGOs' } satisfies Record<Series, string>,
  period: 'Period',
  category: 'Category',
  count: 'Cases',
  yearOnlyNote: (c: Counts) => `Dated to the year only, so counted by year and not by month: ${c.detentions} detentions, ${c.releases} releases, ${c.measures} measures.`,
  mapNote: 'The map draws the borders of 2012. Cases in Shymkent are counted in Turkistan Region (formerly South Kazakhstan), in Abai Region in East Kazakhstan, in Jetisu Region in Almaty Region, and in Ulytau Region in Karaganda Region.',
  unplaced: (n: number) => `Cases in Kazakhstan whose region is not given or not recognised: ${n}.`,
  noCountry: 'No country given',
  noArticle: 'Article not given',
  noPenaltyYet: 'No penalty yet',
  other: 'Other',
};

export type ChartLabels = typeof en;

const ru: ChartLabels = {
  heading: 'Дела в цифрах',
  intro: 'Диаграммы подсчитывают дела этого списка по сведениям, которые в нём приводятся: дата задержания (а если она неизвестна — начала содержания под стражей), освобождения и каждой меры против организации; регион и страна; статьи обвинения; действующее наказание. Числа каждой диаграммы приведены в таблице под ней.',
  introInternal: 'Эта внутренняя справка также подсчитывает дела по их статусу в работе команды.',
  caption: (n, title) => `Рисунок ${n}. ${title}`,
  alt: (title) => `Диаграмма: ${title}. Её числа приведены в следующей таблице.`,
  title: {
    'over-time': 'Задержания, освобождения и меры против НКО во времени',
    'by-region': 'Дела в Казахстане по регионам',
    'by-country': 'Дела по странам',
    'by-article': 'Дела по статьям обвинения',
    'by-penalty': 'Заключённые по действующему наказанию',
    'by-status': 'Дела по статусу',
  },
  series: { detentions: 'Задержания', releases: 'Освобождения', measures: 'Меры против НКО' },
  period: 'Период',
  category: 'Категория',
  count: 'Дела',
  yearOnlyNote: (c) => `Известен только год, поэтому учтены по годам, но не по месяцам: задержаний — ${c.detentions}, освобождений — ${c.releases}, мер — ${c.measures}.`,
  mapNote: 'Карта показывает границы 2012 года. Дела в Шымкенте учтены в Туркестанской области (бывшей Южно-Казахстанской), в Абайской области — в Восточно-Казахстанской, в области Жетісу — в Алматинской, в Улытауской — в Карагандинской.',
  unplaced: (n) => `Дела в Казахстане, регион которых не указан или не распознан: ${n}.`,
  noCountry: 'Страна не указана',
  noArticle: 'Статья не указана',
  noPenaltyYet: 'Наказание ещё не назначено',
  other: 'Прочие',
};

const kk: ChartLabels = {
  heading: 'Істер сандармен',
  intro: 'Диаграммалар осы тізімдегі істерді онда келтірілген мәліметтер бойынша есептейді: ұсталған күн (ол белгісіз болса — күзетпен ұстау басталған күн), босатылған күн және ұйымға қатысты әр шараның күні; өңір мен ел; айыптау баптары; қолданыстағы жаза. Әр диаграмманың сандары оның астындағы кестеде берілген.',
  introInternal: 'Бұл ішкі анықтама істерді команда жұмысындағы мәртебесі бойынша да есептейді.',
  caption: (n, title) => `${n}-сурет. ${title}`,
  alt: (title) => `Диаграмма: ${title}. Оның сандары келесі кестеде берілген.`,
  title: {
    'over-time': 'Ұстаулар, босатулар және ҮЕҰ-ға қатысты шаралар уақыт бойынша',
    'by-region': 'Қазақстандағы істер өңірлер бойынша',
    'by-country': 'Істер елдер бойынша',
    'by-article': 'Істер айыптау баптары бойынша',
    'by-penalty': 'Сотталғандар қолданыстағы жаза бойынша',
    'by-status': 'Істер мәртебесі бойынша',
  },
  series: { detentions: 'Ұстаулар', releases: 'Босатулар', measures: 'ҮЕҰ-ға қатысты шаралар' },
  period: 'Кезең',
  category: 'Санат',
  count: 'Істер',
  yearOnlyNote: (c) => `Тек жылы белгілі, сондықтан айлар бойынша емес, жылдар бойынша есептелген: ұстаулар — ${c.detentions}, босатулар — ${c.releases}, шаралар — ${c.measures}.`,
  mapNote: 'Картада 2012 жылғы шекаралар көрсетілген. Шымкенттегі істер Түркістан облысында (бұрынғы Оңтүстік Қазақстан), Абай облысындағылар Шығыс Қазақстан облысында, Жетісу облысындағылар Алматы облысында, Ұлытау облысындағылар Қарағанды облысында есептелген.',
  unplaced: (n) => `Өңірі көрсетілмеген немесе танылмаған Қазақстандағы істер: ${n}.`,
  noCountry: 'Ел көрсетілмеген',
  noArticle: 'Бап көрсетілмеген',
  noPenaltyYet: 'Жаза әлі тағайындалмаған',
  other: 'Басқалары',
};

export const chartLabels: Record<BriefLang, ChartLabels> = { en, ru, kk };
