import type { BriefLang } from '../../../../shared/model/brief';

// The country list's own words, beside the shared tables in labels.ts. Read as
// multiLabels[ctx.lang].

type Who = 'people' | 'organisations' | 'both';

const en = {
  title: (countries: string, who: Who, date: string) => {
    const what = { people: 'political prisoners and persecuted people', organisations: 'organisations under restrictions', both: 'political prisoners, persecuted people and organisations under restrictions' }[who];
    return `${countries ? `${countries}: ` : ''}${what}, as of ${date}`;
  },
  compiledBy: 'Compiled by',
  phone: 'Telephone',
  email: 'E-mail',
  responsible: 'Person responsible',
  context: 'Context',
  contextText: (people: number, organisations: number, countries: string, date: string) =>
    `This list names ${people} ${people === 1 ? 'person' : 'people'} and ${organisations} ${organisations === 1 ? 'organisation' : 'organisations'}${countries ? ` in ${countries}` : ''} whose cases the compiling organisation follows, as their files stand on ${date}.`,
  methodology: 'Methodology and inclusion criteria',
  method: [
    'Each entry is a case from the compiling organisation’s own case files, chosen for this list; each is counted once.',
    'People are counted by their situation on the date of the list (imprisoned, pre-trial detention, administrative arrest, house arrest, restricted freedom, exile, forced treatment…), organisations by the measure imposed on them.',
    'The penalty in force is that of the latest court or authority decision that sets one. Recognitions are those of the bodies named. The sources of each profile are listed under it.',
  ],
  methodPublic: 'Contacts, addresses, identity documents and health details of the people concerned are left out of this list.',
  methodSubmission: 'Health details are given for the recipient’s information only and must not be published.',
  categories: 'Numbers by category',
  lists: 'Lists by category',
  listHeading: (category: string, n: number) => `${category} (${n})`,
  name: 'Name',
  place: 'Place',
  sources: 'Sources',
  health: 'Health concerns',
  recommendations: 'Recommendations',
  recommendationsIntro: 'As the cases themselves ask; a request common to several cases is given once, with the numbers of their profiles.',
  profileNos: (nos: readonly number[]) => (nos.length === 1 ? `no. ${nos[0]}` : `nos. ${nos.join(', ')}`),
};

export type MultiLabels = typeof en;

const ru: MultiLabels = {
  title: (countries, who, date) => {
    const what = { people: 'политические заключённые и преследуемые', organisations: 'организации под ограничениями', both: 'политические заключённые, преследуемые и организации под ограничениями' }[who];
    return `${countries ? `${countries}: ` : ''}${what} на ${date}`;
  },
  compiledBy: 'Составитель',
  phone: 'Телефон',
  email: 'Эл. почта',
  responsible: 'Ответственное лицо',
  context: 'Контекст',
  contextText: (people, organisations, countries, date) =>
    `В списке — людей: ${people}, организаций: ${organisations}${countries ? ` (${countries})` : ''}; их дела ведёт организация-составитель. Сведения — по состоянию материалов дел на ${date}.`,
  methodology: 'Методология и критерии включения',
  method: [
    'Каждая запись — дело из собственных материалов организации-составителя, отобранное для этого списка; каждое дело учтено один раз.',
    'Люди учтены по их положению на дату списка (лишение свободы, досудебное содержание под стражей, административный арест, домашний арест, ограничение свободы, эмиграция, принудительное лечение…), организации — по применённой к ним мере.',
    'Действующее наказание — по последнему решению суда или органа, которое его назначает. Признание — по решениям названных организаций. Источники каждого профиля перечислены под ним.',
  ],
  methodPublic: 'Контакты, адреса, документы и сведения о здоровье упомянутых людей в список не включены.',
  methodSubmission: 'Сведения о здоровье приводятся только для сведения адресата и не подлежат опубликованию.',
  categories: 'Численность по категориям',
  lists: 'Списки по категориям',
  listHeading: (category, n) => `${category} (${n})`,
  name: 'Имя',
  place: 'Место',
  sources: 'Источники',
  health: 'Состояние здоровья',
  recommendations: 'Рекомендации',
  recommendationsIntro: 'Так, как их формулируют сами дела; просьба, общая для нескольких дел, приводится один раз с номерами профилей.',
  profileNos: (nos) => `№ ${nos.join(', ')}`,
};

const kk: MultiLabels = {
  title: (countries, who, date) => {
    const what = { people: 'саяси тұтқындар мен қудаланушылар', organisations: 'шектеу қойылған ұйымдар', both: 'саяси тұтқындар, қудаланушылар және шектеу қойылған ұйымдар' }[who];
    return `${countries ? `${countries}: ` : ''}${what}, ${date} жағдай бойынша`;
  },
  compiledBy: 'Құрастырған',
  phone: 'Телефон',
  email: 'Эл. пошта',
  responsible: 'Жауапты тұлға',
  context: 'Мәнмәтін',
  contextText: (people, organisations, countries, date) =>
    `Тізімде ${people} адам және ${organisations} ұйым бар${countries ? ` (${countries})` : ''}; олардың істерін құрастырушы ұйым жүргізеді. Мәліметтер істердің ${date} жағдайы бойынша берілген.`,
  methodology: 'Әдістеме және енгізу өлшемдері',
  method: [
    'Әрбір жазба — құрастырушы ұйымның өз істерінен осы тізімге іріктелген іс; әр іс бір рет есептеледі.',
    'Адамдар тізім күніндегі жағдайы бойынша (бас бостандығынан айыру, сотқа дейінгі күзетпен ұстау, әкімшілік қамаққа алу, үй қамағы, бас бостандығын шектеу, эмиграция, мәжбүрлеп емдеу…), ұйымдар оларға қолданылған шара бойынша есептеледі.',
    'Күшіндегі жаза — оны тағайындаған соңғы сот немесе орган шешімі бойынша. Тану — аталған ұйымдардың шешімі бойынша. Әр профильдің дереккөздері оның астында көрсетілген.',
  ],
  methodPublic: 'Аталған адамдардың байланыс деректері, мекенжайлары, құжаттары және денсаулығы туралы мәліметтер тізімге енгізілмеген.',
  methodSubmission: 'Денсаулық туралы мәліметтер тек алушының назарына беріледі және жариялануға жатпайды.',
  categories: 'Санаттар бойынша саны',
  lists: 'Санаттар бойынша тізімдер',
  listHeading: (category, n) => `${category} (${n})`,
  name: 'Аты-жөні',
  place: 'Орны',
  sources: 'Дереккөздер',
  health: 'Денсаулық жағдайы',
  recommendations: 'Ұсынымдар',
  recommendationsIntro: 'Істердің өздері сұрағандай; бірнеше іске ортақ өтініш профиль нөмірлерімен бір рет беріледі.',
  profileNos: (nos) => `№ ${nos.join(', ')}`,
};

export const multiLabels = { en, ru, kk } satisfies Record<BriefLang, MultiLabels>;
