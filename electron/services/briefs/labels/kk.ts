import type { Labels } from './en';
import { factsKk } from './facts';
import { MONTH_NAMES } from '../../../../shared/text/monthNames';
import { ENUM_LABELS } from '../../../../shared/labels/enumLabels';

// Kazakh as a Kazakh lawyer writes it: the terms of the Kazakh texts of the Criminal,
// Criminal Procedure and Administrative Offences Codes of the Republic of Kazakhstan and
// of the Kazakh ICCPR (Law No. 91 of 28 November 2005); sources and rejected
// alternatives in docs/brief-glossary.md. No English acronyms: the Covenant is АСҚХП,
// the UN БҰҰ, an NGO ҮЕҰ, the Working Group «Жұмыс тобы». Arbitrary detention is
// «еркін бостандықтан айыру», never «ерікті түрде ұстау» ("voluntary detention").

// Intl has no Kazakh month names on every runtime: the project's table has them. Briefs
// keep the official documentary order «2026 жылғы 6 желтоқсан» that Kazakh letters to
// state bodies use; the interface writes the shorter «6 желтоқсан 2026 ж.».
const MONTHS = MONTH_NAMES.kk.nominative;
const SHARED = ENUM_LABELS.kk;

export const kk: Labels = {
  locale: 'kk-KZ',
  facts: factsKk,
  quoteOpen: '«',
  quoteClose: '»',
  pageOf: '{total} беттің {page}-беті',
  generated: (date) => `${date} Casefile бағдарламасында дайындалды`,
  confidentialStamp: 'ҚҰПИЯ',
  confidentialItem: '[құпия]',
  markingPublic: 'ЖАРИЯ ҚҰЖАТ — құпия мәліметтер алынып тасталды; құжатты басқаларға беруге болады.',
  markingInternal: 'ҚҰПИЯ — құпия мәліметтері бар ішкі жұмыс құжаты. Қорғау тобынан тыс ешкімге бермеңіз.',
  notRecorded: 'көрсетілмеген',
  none: 'жоқ',
  unknown: 'белгісіз',

  templateTitle: {
    case: 'Іс бойынша анықтама',
    wgad: 'БҰҰ-ның Еркін бостандықтан айыру жөніндегі жұмыс тобына хабарлама',
    'urgent-action': 'Шұғыл әрекет',
    ngo: 'БҰҰ-ның Бейбіт жиналыстар бостандығы және бірлестіктер бостандығы құқығы жөніндегі арнайы баяндамашысына хабарлама',
    multi: 'Істерге шолу',
  },
  // The words the window prints too come from shared/labels; an NGO case is named by the organisation here on purpose (see there).
  kind: { ...SHARED.kind, ngo_suspension: 'Қызметі шектелген ҮЕҰ' },
  status: SHARED.status,
  priority: SHARED.priority,
  detentionStatus: {
    pre_trial: 'Сотқа дейін күзетпен ұстау', house_arrest: 'Үйқамақ', administrative_arrest: 'Әкімшілік қамаққа алу',
    imprisoned: 'Бас бостандығынан айыру', restricted_freedom: 'Бас бостандығын шектеу', forced_treatment: 'Мәжбүрлеп психиатриялық емдеу',
    incommunicado: 'Қайда екені белгісіз (сыртқы әлеммен байланыссыз ұсталуда)', fined: 'Айыппұл салынды', released: 'Бостандықта',
    exile: 'Мәжбүрлі эмиграцияда', unknown: 'Белгісіз',
  },
  penaltyType: {
    prison: 'Бас бостандығынан айыру', administrative_arrest: 'Әкімшілік қамаққа алу', restricted_freedom: 'Бас бостандығын шектеу',
    fine: 'Айыппұл', suspended: 'Шартты түрде соттау', activity_ban: 'Белгілі бір қызметпен айналысу құқығынан айыру',
    travel_ban: 'Елден шығуға тыйым салу', forced_treatment: 'Мәжбүрлеп психиатриялық емдеу', none: 'Жаза тағайындалмаған',
  },
  recognition: {
    political_prisoner: 'саяси тұтқын', prisoner_of_conscience: 'ар-ождан тұтқыны', other: 'өзге мәртебе',
  },
  measureType: {
    suspension: 'Қызметін тоқтата тұру', fine: 'Айыппұл', liquidation: 'Тарату', inspection: 'Тексеру',
    registration_denied: 'Тіркеуден бас тарту', other: 'Өзге шара',
  },
  measureStatus: {
    in_force: 'күшінде', appealed: 'шағымдануда', overturned: 'күші жойылды', upheld: 'күшінде қалдырылды', expired: 'мерзімі өтті',
  },
  eventType: {
    arrest: 'Ұстау', charge: 'Айып тағу', hearing: 'Сот отырысы', verdict: 'Үкім', appeal: 'Шағымдану', transfer: 'Этаппен ауыстыру',
    release: 'Босату', suspension: 'Қызметін тоқтата тұру', fine: 'Айыппұл', inspection: 'Тексеру', statement: 'Мәлімдеме', other: 'Өзге',
  },
  advocacyKind: {
    communication: 'Хабарлама', urgent_appeal: 'Шұғыл әрекет ету туралы үндеу', letter: 'Хат', statement: 'Мәлімдеме',
    meeting: 'Кездесу', other: 'Өзге',
  },
  advocacyStatus: {
    draft: 'Жоба', sent: 'Жіберілді', replied: 'Жауап алынды', decided: 'Шешім қабылданды', closed: 'Жабылды',
  },
  sourceKind: {
    article: 'мақала', court_document: 'сот құжаты', statement: 'мәлімдеме', interview: 'сұхбат', photo: 'фотосурет',
    recording: 'жазба', other: 'құжат',
  },
  gender: SHARED.gender,

  // The year first, as Kazakh official texts write it: «2021 жылғы 16 ақпан», «2019 жылғы наурыз».
  date: (year, month, day) =>
    month === undefined ? String(year) : day === undefined ? `${year} жылғы ${MONTHS[month - 1]}` : `${year} жылғы ${day} ${MONTHS[month - 1]}`,
  // A noun after a number stays singular («7 жыл 4 ай»); administrative arrest is counted
  // in тәулік (ӘҚБтК 50-бап), other terms in күн.
  duration: (years, months, days = 0, unit = 'day') =>
    [
      years > 0 ? `${years} жыл` : '',
      months > 0 || (years === 0 && days === 0) ? `${months} ай` : '',
      days > 0 ? `${days} ${unit === 'dayNight' ? 'тәулік' : 'күн'}` : '',
    ].filter(Boolean).join(' '),
  approxUsd: (usd) => `≈ ${usd} USD`,
  circa: 'шамамен ',
  sinceDate: (date) => `басталған күні — ${date}`,

  field: {
    name: 'Тегі, аты', otherNames: 'Басқа жазылу нұсқалары', born: 'Туған күні', gender: 'Жынысы', occupation: 'Кәсібі',
    affiliation: 'Мүшелігі', country: 'Ел', region: 'Өңір', caseStatus: 'Іс мәртебесі', priority: 'Басымдығы',
    detention: 'Қазіргі жағдайы', place: 'Орны', since: 'Басталған күні', expectedRelease: 'Күтілетін босату күні', charges: 'Айыптар',
    sentence: 'Жаза', verdict: 'Үкім шығарылған күн', court: 'Сот', recognitions: 'Танылған мәртебесі', lawyer: 'Адвокат',
    contact: 'Байланыс деректері', organisation: 'Ұйым', registrationNumber: 'Тіркеу нөмірі', focus: 'Қызмет бағыты', city: 'Қала',
    measure: 'Шара', authority: 'Орган', legalBasis: 'Құқықтық негіз', start: 'Басталған күні', end: 'Аяқталған күні', duration: 'Мерзімі',
    fine: 'Айыппұл', appeal: 'Шағымдану', filed: 'Берілген күні', outcome: 'Нәтижесі', tags: 'Белгілер', rightsViolated: 'Бұзылған құқықтар',
    kind: 'Түрі',
  },
  section: {
    keyFacts: 'Негізгі мәліметтер', summary: 'Қысқаша мазмұны', requests: 'Өтініштер', chronology: 'Оқиғалар хронологиясы', charges: 'Айыптар',
    analysis: 'Құқықтық талдау', remedies: 'Құқықтық қорғау құралдары және осы уақытқа дейінгі өтініштер',
    domesticRemedies: 'Ішкі құқықтық қорғау құралдары', advocacy: 'Халықаралық органдарға өтініштер',
    evidence: 'Түсіндірмесі бар дәлелдемелер', argument: 'Құқықтық ұстаным',
    wgadCategories: 'Еркін бостандықтан айыру санаттары (БҰҰ Жұмыс тобының анықтамасы бойынша)',
    iccpr22: 'АСҚХП 22-бабының 2-тармағы бойынша шектеу',
    deadlines: 'Алдағы мерзімдер',
  },
  table: {
    date: 'Күні', event: 'Оқиға', details: 'Толығырақ', target: 'Адресат', kind: 'Түрі', reference: 'Нөмірі', status: 'Мәртебесі',
    followUp: 'Бақылау күні', article: 'Бап', code: 'Кодекс', summary: 'Сипаттамасы', test: 'Өлшем', requirement: 'Құқықтың талабы',
    facts: 'Осы істе', no: '№', caseTitle: 'Іс', state: 'Жағдайы / шара', since: 'Басталған күні', authority: 'Орган',
    count: 'Істер саны', group: 'Топ', category: 'Санат', breakdown: 'Оның ішінде',
  },
  noEvents: 'Оқиғалар туралы мәлімет жоқ.',
  noCharges: 'Айыптар туралы мәлімет жоқ.',
  noAdvocacy: 'Өтініштер туралы мәлімет жоқ.',
  noRemedies: 'Шағымдар мен өзге ішкі құқықтық қорғау құралдары туралы мәлімет жоқ.',
  noEvidence: 'Түсіндірмесі бар дәлелдемелер жоқ.',
  noArgument: 'Құқықтық ұстаным әлі жазылмаған.',
  toComplete: 'Толықтыру керек:',
  noArgumentYet: 'істе әлі құқықтық ұстаным жоқ. Құжатты жібермес бұрын оны істің «Талдау» бөлімінде жазыңыз.',
  caseNote: 'Іс бойынша ескертпе',
  sourceLabel: 'Дереккөз',
  noteSeePage: 'толық сілтеме {page}-бетте',
  unverifiedLeftOut: (n) =>
    `${n} түсіндірме енгізілмеді: дәйексөз алынған үзінді өзгерген немесе дереккөзде жоқ. Оларды «Дереккөздер» бөлімінде тексеріңіз.`,
  preparedBy: (who) => `Дайындаған: ${who}`,
  sha256: 'SHA-256',
  wgadCategory: (c) => `${c} санат`,
  wgadCategoryText: {
    I: 'Бостандықтан айыруды негіздейтін қандай да бір құқықтық негізге сілтеме жасау анық мүмкін емес.',
    II: 'Бостандықтан айыру Адам құқықтарының жалпыға бірдей декларациясының 7, 13, 14, 18, 19, 20 және 21-баптарында, ал қатысушы мемлекеттер үшін Азаматтық және саяси құқықтар туралы халықаралық пактінің 12, 18, 19, 21, 22, 25, 26 және 27-баптарында кепілдік берілген құқықтар мен бостандықтарды жүзеге асырудың салдары болып табылады.',
    III: 'Әділ сот талқылауына құқыққа қатысты халықаралық нормалардың толық немесе ішінара сақталмауы соншалықты ауыр, бұл бостандықтан айыруға еркін сипат береді.',
    IV: 'Баспана іздеушілер, иммигранттар немесе босқындар әкімшілік немесе сот тәртібімен қайта қарау не құқықтық қорғау мүмкіндігінсіз ұзақ уақыт әкімшілік қамауда ұсталады.',
    V: 'Бостандықтан айыру адамдардың теңдігін елемеуге бағытталған немесе соған әкеп соғуы мүмкін кемсітушілік негізінде халықаралық құқықты бұзады.',
  },
  wgadClaimed: 'Осы істе мәлімделді',
  wgadNotClaimed: 'Әзірге ешбір санат мәлімделмеген.',
  iccpr22Test: {
    law: 'Шектеу заңда көзделген бе?',
    aim: 'Ол заңды мақсатты көздей ме?',
    necessity: 'Ол демократиялық қоғамда қажет пе?',
  },
  iccpr22Requirement: {
    law: 'Шараға нақты, қолжетімді және салдарын алдын ала болжауға болатын заң нормасы негіз болуы тиіс.',
    aim: 'Шара мемлекеттік немесе қоғамдық қауіпсіздік, қоғамдық тәртіп, халықтың денсаулығы мен имандылығын қорғау не басқа адамдардың құқықтары мен бостандықтарын қорғау мүддесіне қызмет етуі тиіс.',
    necessity: 'Шара қоғамның аса қажетті мұқтажына жауап беріп, мөлшерлес болуы тиіс; ең аз шектейтін құрал таңдалуы керек.',
  },
  iccpr22Intro: 'Бірлестіктер бостандығына қойылған кез келген шектеу үш өлшемнің бәріне сай болуы тиіс. Оң жақ бағанда әр өлшем бойынша іс материалдарында не бары көрсетілген.',
  iccpr22Facts: {
    imposedBy: (authority) => `Шараны қолданған орган: ${authority}.`,
    basis: (basis) => `Көрсетілген құқықтық негіз: ${basis}.`,
    basisMissing: 'құқықтық негіз көрсетілмеген.',
    rights: (rights) => `Қозғалған құқықтар (іс материалдары бойынша): ${rights}.`,
    measure: (measure) => `Шара: ${measure}.`,
    seeArgument: 'Төмендегі құқықтық ұстанымды қараңыз.',
    argumentMissing: 'осы өлшем бойынша құқықтық ұстаным.',
  },

  wgad: {
    intro: 'Еркін бостандықтан айыру жөніндегі жұмыс тобына хабарлама жіберуге арналған үлгі сауалнама, іс материалдары негізінде толтырылған.',
    s1: 'I. Жеке басы туралы мәліметтер', s2: 'II. Қамауға алу', s3: 'III. Күзетпен ұстау',
    s4: 'IV. Мән-жайлар және бостандықтан айырудың еркін сипатының себептері',
    s5: 'V. Ішкі құқықтық қорғау құралдары', s6: 'VI. Хабарламаны жіберуші тұлға (тұлғалар)',
    familyName: 'Тегі, аты', otherNames: 'Басқа есімдері мен жазылулары', sex: 'Жынысы', birthYear: 'Туған күні (жылы)',
    profession: 'Кәсібі және (немесе) қызметі', affiliation: 'Мүшелігі', country: 'Ел',
    arrestDate: 'Қамауға алынған күні', arrestEvents: 'Іс материалдары бойынша қамауға алу',
    noArrest: 'Қамауға алу туралы мәлімет жоқ.', detentionSince: 'Күзетке алынған күні', detentionStatus: 'Қазіргі жағдайы',
    detentionPlace: 'Ұсталатын орны', expectedRelease: 'Күтілетін босату күні', legalBasis: 'Құқықтық негіз (айыптар)',
    sentence: 'Жаза', rights: 'Бұзылған құқықтар',
    chargeEvents: 'Іс материалдары бойынша айып тағу', detentionEvents: 'Іс материалдары бойынша этаппен ауыстыру және босату',
    otherEvents: 'Өзге оқиғалар хронологиясы',
    claimedIntro: 'Хабарлама көзі бостандықтан айыруды еркін деп санайды және оны мына санаттарға жатқызады.',
    definition: 'Санаттың анықтамасы',
    inThisCase: 'Осы істе',
    chargesOnRecord: (charges) => `Айыптар: ${charges}.`,
    noChargeOnRecord: 'Іс материалдарында айып туралы мәлімет жоқ.',
    argumentFor: 'Құқықтық ұстаным',
    seeArgument: 'Төмендегі құқықтық ұстанымды қараңыз.',
    moreInSection: (n, section) => `және тағы ${n} — ${section} бөлімін қараңыз.`,
    submitterName: 'Тегі, аты, әкесінің аты', submitterOrganisation: 'Ұйым', submitterAddress: 'Мекенжайы',
    submitterPhone: 'Телефоны', submitterEmail: 'Электрондық поштасы', submitterDate: 'Күні', submitterSignature: 'Қолы',
    consent: 'Ұсталған адамның немесе оның отбасының хабарлама жіберуге келісімі',
  },
  urgent: {
    concern: 'Алаңдаушылық себебі', details: 'Іс бойынша мәліметтер', background: 'Мән-жайы', ask: 'Биліктен не сұрау керек',
    whom: 'Кімге жазу керек',
    adviceWrite: 'Сыпайы түрде, қазақ, орыс, ағылшын немесе өз тіліңізде жазыңыз. Отбасының келісімінсіз сот құжаттарының көшірмелерін жібермеңіз.',
    fullSummary: 'Бұл үндеу үшін қысқартылды; толық мәтіні іс бойынша анықтамада.',
    // The country in the genitive («Қазақстан Республикасының Президенті»).
    recipients: (country) => [
      `${country} Президенті`,
      `${country} Бас прокуроры`,
      `${country} Адам құқықтары жөніндегі уәкілі`,
      `Көшірмесі — ${country} сіздің еліңіздегі дипломатиялық өкілдігіне`,
    ],
    otherTargets: 'Осы іс бойынша бұрын жіберілген өтініштер',
  },
  ngoT: {
    organisation: 'Ұйым туралы мәліметтер', measures: 'Шаралар және олардың құқықтық негізі', remedies: 'Құқықтық қорғау құралдары (шағымдану)', impact: 'Салдары',
    pattern: 'Жүйелі сипаты', noRelated: 'Байланысты істер туралы мәлімет жоқ.',
    relatedIntro: (count) => `Байланысты істер саны: ${count} (сол орган немесе ортақ белгі).`,
    sharedTags: 'Ортақ белгілер',
    sameAuthority: 'сол орган',
  },
  multiT: {
    counts: 'Жиынтық', byKind: 'Іс түрі бойынша', byStatus: 'Іс мәртебесі бойынша', byDetention: 'Саяси тұтқындар — қазіргі жағдайы бойынша',
    byMeasure: 'ҮЕҰ — шара түрі бойынша', casesTable: 'Істер', profiles: 'Істер бойынша мәліметтер', total: (n) => `Шолудағы істер саны: ${n}.`,
  },
  // Genitive: the names are only used before a title («Қазақстан Республикасының Президенті»).
  country: {
    KZ: 'Қазақстан Республикасының', KG: 'Қырғыз Республикасының', TJ: 'Тәжікстан Республикасының', UZ: 'Өзбекстан Республикасының',
    TM: 'Түрікменстанның', RU: 'Ресей Федерациясының', BY: 'Беларусь Республикасының', AZ: 'Әзербайжан Республикасының',
    CN: 'Қытай Халық Республикасының',
  },
  countryShort: {
    KZ: 'Қазақстан', KG: 'Қырғызстан', TJ: 'Тәжікстан', UZ: 'Өзбекстан', TM: 'Түрікменстан', RU: 'Ресей',
    BY: 'Беларусь', AZ: 'Әзербайжан', CN: 'Қытай',
  },
  theState: 'тиісті мемлекеттің',
  countryOf: (name) => `${name} мемлекетінің`,
};
