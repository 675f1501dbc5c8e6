import type { z } from 'zod';
import type {
  AdvocacyKind, AdvocacyStatus, CaseKind, CaseStatus, DetentionStatus, EventType, MeasureStatus, MeasureType,
  PenaltyType, Priority, Recognition, SourceKind, WgadCategory,
} from '../../../shared/model';
import type { BriefLang } from '../../../shared/model/brief';
import { factsEn, factsRu } from './factLabels';

// Every word a brief prints that is not the case's own text. English is the
// reference: its shape is the type, so a Russian table missing a key fails to compile.

type Gender = 'female' | 'male' | 'other' | 'unknown';
type RecognitionLabel = z.infer<typeof Recognition>['label'];
type Names<T extends string> = Record<T, string>;

/** The three tests of ICCPR article 22(2) every restriction on an association must pass. */
export type Iccpr22Test = 'law' | 'aim' | 'necessity';

const en = {
  locale: 'en-GB',
  facts: factsEn,
  quoteOpen: '“',
  quoteClose: '”',
  /** "{page}" and "{total}" stand for the numbers. */
  pageOf: 'Page {page} of {total}',
  generated: (date: string) => `Generated ${date} by Casefile`,
  confidentialStamp: 'CONFIDENTIAL',
  /** Beside an item flagged confidential, in an internal brief. */
  confidentialItem: '[confidential]',
  markingPublic: 'PUBLIC — confidential information has been left out; this document may be shared.',
  markingInternal: 'CONFIDENTIAL — internal working document with confidential information. Do not share outside the defence team.',
  notRecorded: 'not recorded',
  none: 'none',
  unknown: 'unknown',

  templateTitle: {
    case: 'Case brief',
    wgad: 'Communication to the UN Working Group on Arbitrary Detention',
    'urgent-action': 'Urgent action',
    ngo: 'Submission to the UN Special Rapporteur on the rights to freedom of peaceful assembly and of association',
    multi: 'Case overview',
  },
  kind: { political_prisoner: 'Political prisoner', ngo_suspension: 'Restricted NGO' } satisfies Names<CaseKind>,
  status: { active: 'Active', monitoring: 'Monitoring', resolved: 'Resolved', closed: 'Closed' } satisfies Names<CaseStatus>,
  priority: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' } satisfies Names<Priority>,
  detentionStatus: {
    pre_trial: 'Pre-trial detention', house_arrest: 'House arrest', administrative_arrest: 'Administrative arrest', imprisoned: 'Imprisoned',
    restricted_freedom: 'Restricted freedom', forced_treatment: 'Forced psychiatric treatment', incommunicado: 'Whereabouts unknown (incommunicado)',
    fined: 'Fined', released: 'Released', exile: 'Exile', unknown: 'Unknown',
  } satisfies Names<z.infer<typeof DetentionStatus>>,
  penaltyType: {
    prison: 'Imprisonment', administrative_arrest: 'Administrative arrest', restricted_freedom: 'Restricted freedom', fine: 'Fine',
    suspended: 'Suspended sentence', activity_ban: 'Ban on activity', travel_ban: 'Travel ban', forced_treatment: 'Forced psychiatric treatment',
    none: 'No penalty',
  } satisfies Names<z.infer<typeof PenaltyType>>,
  recognition: {
    political_prisoner: 'political prisoner', prisoner_of_conscience: 'prisoner of conscience', other: 'other recognition',
  } satisfies Names<RecognitionLabel>,
  measureType: {
    suspension: 'Suspension', fine: 'Fine', liquidation: 'Liquidation', inspection: 'Inspection',
    registration_denied: 'Registration denied', other: 'Other measure',
  } satisfies Names<z.infer<typeof MeasureType>>,
  measureStatus: {
    in_force: 'in force', appealed: 'appealed', overturned: 'overturned', upheld: 'upheld', expired: 'expired',
  } satisfies Names<z.infer<typeof MeasureStatus>>,
  eventType: {
    arrest: 'Arrest', charge: 'Charge', hearing: 'Hearing', verdict: 'Verdict', appeal: 'Appeal', transfer: 'Transfer',
    release: 'Release', suspension: 'Suspension', fine: 'Fine', inspection: 'Inspection', statement: 'Statement', other: 'Other',
  } satisfies Names<z.infer<typeof EventType>>,
  advocacyKind: {
    communication: 'Communication', urgent_appeal: 'Urgent appeal', letter: 'Letter', statement: 'Statement',
    meeting: 'Meeting', other: 'Other',
  } satisfies Names<z.infer<typeof AdvocacyKind>>,
  advocacyStatus: {
    draft: 'Draft', sent: 'Sent', replied: 'Replied', decided: 'Decided', closed: 'Closed',
  } satisfies Names<z.infer<typeof AdvocacyStatus>>,
  sourceKind: {
    article: 'article', court_document: 'court document', statement: 'statement', interview: 'interview', photo: 'photograph',
    recording: 'recording', other: 'document',
  } satisfies Names<z.infer<typeof SourceKind>>,
  gender: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' } satisfies Names<Gender>,

  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  /** The form a month takes after a day number ("16 February"); Russian declines it. */
  monthsAfterDay: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  duration: (years: number, months: number, days = 0) =>
    [
      years > 0 ? `${years} ${years === 1 ? 'year' : 'years'}` : '',
      months > 0 || (years === 0 && days === 0) ? `${months} ${months === 1 ? 'month' : 'months'}` : '',
      days > 0 ? `${days} ${days === 1 ? 'day' : 'days'}` : '',
    ].filter(Boolean).join(' '),
  approxUsd: (usd: string) => `≈ USD ${usd}`,
  circa: 'c. ',
  sinceDate: (date: string) => `since ${date}`,

  field: {
    name: 'Name', otherNames: 'Other spellings', born: 'Born', gender: 'Gender', occupation: 'Occupation',
    affiliation: 'Affiliation', country: 'Country', region: 'Region', caseStatus: 'Case status', priority: 'Priority',
    detention: 'Detention', place: 'Place', since: 'Since', expectedRelease: 'Expected release', charges: 'Charges',
    sentence: 'Sentence', verdict: 'Verdict', court: 'Court', recognitions: 'Recognised as', lawyer: 'Lawyer',
    contact: 'Contact', organisation: 'Organisation', registrationNumber: 'Registration number', focus: 'Focus', city: 'City',
    measure: 'Measure', authority: 'Authority', legalBasis: 'Legal basis', start: 'Start', end: 'End', duration: 'Duration',
    fine: 'Fine', appeal: 'Appeal', filed: 'Filed', outcome: 'Outcome', tags: 'Tags', rightsViolated: 'Rights violated',
    kind: 'Kind',
  },
  section: {
    keyFacts: 'Key facts', summary: 'Summary', requests: 'Requests', chronology: 'Chronology', charges: 'Charges',
    analysis: 'Analysis', remedies: 'Remedies and advocacy so far', domesticRemedies: 'Domestic remedies',
    advocacy: 'International advocacy', evidence: 'Annotated evidence', argument: 'Argument',
    wgadCategories: 'Categories of arbitrary detention (UN WGAD)', iccpr22: 'Restriction under ICCPR article 22(2)',
    deadlines: 'Coming deadlines',
  },
  table: {
    date: 'Date', event: 'Event', details: 'Details', target: 'To', kind: 'Kind', reference: 'Reference', status: 'Status',
    followUp: 'Follow-up', article: 'Article', code: 'Code', summary: 'Description', test: 'Test', requirement: 'What the law requires',
    facts: 'This case', no: 'No.', caseTitle: 'Case', state: 'Detention / measure', since: 'Since', authority: 'Authority',
    count: 'Cases', group: 'Group', category: 'Category', breakdown: 'Breakdown',
  },
  noEvents: 'No events recorded.',
  noCharges: 'No charges recorded.',
  noAdvocacy: 'No advocacy recorded.',
  noRemedies: 'No appeals or other domestic remedies recorded.',
  noEvidence: 'No annotated evidence.',
  noArgument: 'No argument recorded yet.',
  /** Internal briefs only: where the case file has nothing yet for a part a sendable brief needs. */
  toComplete: 'To be completed:',
  noArgumentYet: 'the case file holds no argument yet. Write it in the case’s analysis before this brief is sent.',
  caseNote: 'Note on the case',
  sourceLabel: 'Source',
  /** "{page}" stands for the page that holds the full note. */
  noteSeePage: 'full reference on page {page}',
  unverifiedLeftOut: (n: number) =>
    `${n} ${n === 1 ? 'annotation is' : 'annotations are'} left out: ${n === 1 ? 'its' : 'their'} passage changed or is gone from the source. Review ${n === 1 ? 'it' : 'them'} in Sources.`,
  preparedBy: (who: string) => `Prepared by ${who}`,
  sha256: 'SHA-256',
  wgadCategory: (c: string) => `Category ${c}`,
  wgadCategoryText: {
    I: 'It is clearly impossible to invoke any legal basis justifying the deprivation of liberty.',
    II: 'The deprivation of liberty results from the exercise of the rights or freedoms guaranteed by articles 7, 13, 14, 18, 19, 20 and 21 of the Universal Declaration of Human Rights and, for States parties, by articles 12, 18, 19, 21, 22, 25, 26 and 27 of the ICCPR.',
    III: 'The total or partial non-observance of the international norms relating to the right to a fair trial is of such gravity as to give the deprivation of liberty an arbitrary character.',
    IV: 'Asylum seekers, immigrants or refugees are subjected to prolonged administrative custody without the possibility of administrative or judicial review or remedy.',
    V: 'The deprivation of liberty constitutes a violation of international law on the grounds of discrimination that aims towards or can result in ignoring the equality of human beings.',
  } satisfies Names<z.infer<typeof WgadCategory>>,
  wgadClaimed: 'Claimed in this case',
  wgadNotClaimed: 'No category has been claimed yet.',
  iccpr22Test: {
    law: 'Is the restriction prescribed by law?',
    aim: 'Does it pursue a legitimate aim?',
    necessity: 'Is it necessary in a democratic society?',
  } satisfies Names<Iccpr22Test>,
  iccpr22Requirement: {
    law: 'A precise, accessible and foreseeable legal provision must authorise the measure.',
    aim: 'The measure must serve national security or public safety, public order, public health or morals, or the rights and freedoms of others.',
    necessity: 'The measure must answer a pressing social need and be proportionate; the least intrusive means must be chosen.',
  } satisfies Names<Iccpr22Test>,
  iccpr22Intro: 'Each restriction on an association must pass all three tests. The right-hand column gives what the case file records for each.',
  iccpr22Facts: {
    imposedBy: (authority: string) => `Imposed by ${authority}.`,
    basis: (basis: string) => `Legal basis cited: ${basis}.`,
    basisMissing: 'legal basis not recorded.',
    rights: (rights: string) => `Rights engaged, as the case file records them: ${rights}.`,
    measure: (measure: string) => `The measure: ${measure}.`,
    seeArgument: 'See the argument below.',
    argumentMissing: 'the argument on this test.',
  },

  wgad: {
    intro: 'Model questionnaire for a communication to the Working Group on Arbitrary Detention, completed from the case file.',
    s1: 'I. Identity', s2: 'II. Arrest', s3: 'III. Detention', s4: 'IV. Circumstances and why the deprivation of liberty is arbitrary',
    s5: 'V. Domestic remedies', s6: 'VI. Person(s) submitting the communication',
    familyName: 'Name', otherNames: 'Other names and spellings', sex: 'Sex', birthYear: 'Year of birth',
    profession: 'Profession and/or activity', affiliation: 'Affiliation', country: 'Country',
    arrestDate: 'Date of arrest', arrestEvents: 'Arrest as recorded',
    noArrest: 'No arrest event recorded.', detentionSince: 'Date of detention', detentionStatus: 'Present situation',
    detentionPlace: 'Place of detention', expectedRelease: 'Expected release', legalBasis: 'Legal basis (charges)',
    sentence: 'Sentence', rights: 'Rights violated',
    chargeEvents: 'Charges as recorded', detentionEvents: 'Transfers and release as recorded', otherEvents: 'Chronology of other events',
    claimedIntro: 'The source submits that the deprivation of liberty is arbitrary under the following categories.',
    definition: 'The category',
    inThisCase: 'In this case',
    chargesOnRecord: (charges: string) => `Charges: ${charges}.`,
    noChargeOnRecord: 'No charge is recorded in the case file.',
    argumentFor: 'Argument',
    seeArgument: 'The argument below applies.',
    moreInSection: (n: number, section: string) => `and ${n} more, listed in section ${section}.`,
    submitterName: 'Full name', submitterOrganisation: 'Organisation', submitterAddress: 'Address',
    submitterPhone: 'Telephone', submitterEmail: 'E-mail', submitterDate: 'Date', submitterSignature: 'Signature',
    consent: 'Consent of the detained person or family to the communication',
  },
  urgent: {
    concern: 'Concern', details: 'Case details', background: 'Background', ask: 'What to ask', whom: 'Whom to write to',
    adviceWrite: 'Write politely, in English, Russian or your own language. Do not send copies of court documents unless the family agrees.',
    fullSummary: 'Shortened for this appeal; the full account is in the case brief.',
    recipients: (country: string) => [
      `The President of ${country}`,
      `The Prosecutor General of ${country}`,
      `The Commissioner for Human Rights (Ombudsperson) of ${country}`,
      `Copies to the diplomatic representation of ${country} in your country`,
    ],
    otherTargets: 'Already approached in this case',
  },
  ngoT: {
    organisation: 'The organisation', measures: 'Measures and their legal basis', remedies: 'Remedies (appeal)', impact: 'Impact',
    pattern: 'Pattern', noRelated: 'No related cases on record.',
    relatedIntro: (count: number) => `${count} related ${count === 1 ? 'case' : 'cases'} on record: the same authority or a shared tag.`,
    sharedTags: 'Shared tags',
    sameAuthority: 'same authority',
  },
  multiT: {
    counts: 'Summary', byKind: 'By kind', byStatus: 'By case status', byDetention: 'Political prisoners by detention status',
    byMeasure: 'NGOs by measure', casesTable: 'Cases', profiles: 'Profiles', total: (n: number) => `${n} ${n === 1 ? 'case' : 'cases'} in this overview.`,
  },
  country: {
    KZ: 'the Republic of Kazakhstan', KG: 'the Kyrgyz Republic', TJ: 'the Republic of Tajikistan', UZ: 'the Republic of Uzbekistan',
    TM: 'Turkmenistan', RU: 'the Russian Federation', BY: 'the Republic of Belarus', AZ: 'the Republic of Azerbaijan', CN: "the People's Republic of China",
  } as Record<string, string>,
  countryShort: {
    KZ: 'Kazakhstan', KG: 'Kyrgyzstan', TJ: 'Tajikistan', UZ: 'Uzbekistan', TM: 'Turkmenistan', RU: 'Russia',
    BY: 'Belarus', AZ: 'Azerbaijan', CN: 'China',
  } as Record<string, string>,
  theState: 'the State concerned',
  countryOf: (name: string, withThe: boolean) => (withThe ? `the ${name}` : name),
};

export type Labels = typeof en;

const ru: Labels = {
  locale: 'ru-RU',
  facts: factsRu,
  quoteOpen: '«',
  quoteClose: '»',
  pageOf: 'Стр. {page} из {total}',
  generated: (date) => `Подготовлено ${date} в Casefile`,
  confidentialStamp: 'КОНФИДЕНЦИАЛЬНО',
  confidentialItem: '[конфиденциально]',
  markingPublic: 'ПУБЛИЧНЫЙ ДОКУМЕНТ — конфиденциальные сведения исключены; документ можно распространять.',
  markingInternal: 'КОНФИДЕНЦИАЛЬНО — внутренний рабочий документ с конфиденциальными сведениями. Не передавать за пределы команды защиты.',
  notRecorded: 'не указано',
  none: 'нет',
  unknown: 'неизвестно',

  templateTitle: {
    case: 'Справка по делу',
    wgad: 'Сообщение в Рабочую группу ООН по произвольным задержаниям',
    'urgent-action': 'Срочная акция',
    ngo: 'Обращение к Специальному докладчику ООН по вопросу о праве на свободу мирных собраний и свободу ассоциации',
    multi: 'Обзор дел',
  },
  kind: { political_prisoner: 'Политический заключённый', ngo_suspension: 'НКО под ограничениями' },
  status: { active: 'В работе', monitoring: 'Мониторинг', resolved: 'Решено', closed: 'Закрыто' },
  priority: { urgent: 'Срочно', high: 'Высокий', normal: 'Обычный', low: 'Низкий' },
  detentionStatus: {
    pre_trial: 'Досудебное содержание под стражей', house_arrest: 'Домашний арест', administrative_arrest: 'Административный арест',
    imprisoned: 'Лишение свободы', restricted_freedom: 'Ограничение свободы', forced_treatment: 'Принудительное психиатрическое лечение',
    incommunicado: 'Местонахождение неизвестно', fined: 'Штраф', released: 'На свободе', exile: 'Эмиграция', unknown: 'Неизвестно',
  },
  penaltyType: {
    prison: 'Лишение свободы', administrative_arrest: 'Административный арест', restricted_freedom: 'Ограничение свободы', fine: 'Штраф',
    suspended: 'Условный срок', activity_ban: 'Запрет на деятельность', travel_ban: 'Запрет на выезд',
    forced_treatment: 'Принудительное психиатрическое лечение', none: 'Без наказания',
  },
  recognition: {
    political_prisoner: 'политический заключённый', prisoner_of_conscience: 'узник совести', other: 'иное признание',
  },
  measureType: {
    suspension: 'Приостановление деятельности', fine: 'Штраф', liquidation: 'Ликвидация', inspection: 'Проверка',
    registration_denied: 'Отказ в регистрации', other: 'Иная мера',
  },
  measureStatus: {
    in_force: 'действует', appealed: 'обжалуется', overturned: 'отменена', upheld: 'оставлена в силе', expired: 'истекла',
  },
  eventType: {
    arrest: 'Задержание', charge: 'Обвинение', hearing: 'Заседание', verdict: 'Приговор', appeal: 'Обжалование', transfer: 'Этапирование',
    release: 'Освобождение', suspension: 'Приостановление', fine: 'Штраф', inspection: 'Проверка', statement: 'Заявление', other: 'Другое',
  },
  advocacyKind: {
    communication: 'Сообщение', urgent_appeal: 'Срочный призыв', letter: 'Письмо', statement: 'Заявление',
    meeting: 'Встреча', other: 'Другое',
  },
  advocacyStatus: {
    draft: 'Черновик', sent: 'Отправлено', replied: 'Получен ответ', decided: 'Принято решение', closed: 'Закрыто',
  },
  sourceKind: {
    article: 'статья', court_document: 'судебный документ', statement: 'заявление', interview: 'интервью', photo: 'фотография',
    recording: 'запись', other: 'документ',
  },
  gender: { female: 'Женский', male: 'Мужской', other: 'Иной', unknown: 'Неизвестно' },

  months: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  monthsAfterDay: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  duration: (years, months, days = 0) =>
    [
      years > 0 ? `${years} ${ruPlural(years, 'год', 'года', 'лет')}` : '',
      months > 0 || (years === 0 && days === 0) ? `${months} ${ruPlural(months, 'месяц', 'месяца', 'месяцев')}` : '',
      days > 0 ? `${days} ${ruPlural(days, 'день', 'дня', 'дней')}` : '',
    ].filter(Boolean).join(' '),
  approxUsd: (usd) => `≈ ${usd} USD`,
  circa: 'ок. ',
  sinceDate: (date) => `начало: ${date}`,

  field: {
    name: 'Имя', otherNames: 'Другие написания', born: 'Год рождения', gender: 'Пол', occupation: 'Род занятий',
    affiliation: 'Принадлежность', country: 'Страна', region: 'Регион', caseStatus: 'Статус дела', priority: 'Приоритет',
    detention: 'Содержание', place: 'Место', since: 'Дата начала', expectedRelease: 'Ожидаемое освобождение', charges: 'Обвинения',
    sentence: 'Приговор', verdict: 'Дата приговора', court: 'Суд', recognitions: 'Признан(а)', lawyer: 'Адвокат',
    contact: 'Контакт', organisation: 'Организация', registrationNumber: 'Регистрационный номер', focus: 'Направление', city: 'Город',
    measure: 'Мера', authority: 'Орган', legalBasis: 'Правовое основание', start: 'Начало', end: 'Окончание', duration: 'Срок',
    fine: 'Штраф', appeal: 'Обжалование', filed: 'Подано', outcome: 'Результат', tags: 'Метки', rightsViolated: 'Нарушенные права',
    kind: 'Тип',
  },
  section: {
    keyFacts: 'Основные факты', summary: 'Краткое изложение', requests: 'Просьбы', chronology: 'Хронология', charges: 'Обвинения',
    analysis: 'Анализ', remedies: 'Средства защиты и адвокация', domesticRemedies: 'Внутренние средства правовой защиты',
    advocacy: 'Международная адвокация', evidence: 'Доказательства с комментариями', argument: 'Аргументация',
    wgadCategories: 'Категории произвольного задержания (РГПЗ ООН)', iccpr22: 'Ограничение по статье 22(2) МПГПП',
    deadlines: 'Ближайшие сроки',
  },
  table: {
    date: 'Дата', event: 'Событие', details: 'Подробности', target: 'Адресат', kind: 'Вид', reference: 'Номер', status: 'Статус',
    followUp: 'Контроль', article: 'Статья', code: 'Кодекс', summary: 'Описание', test: 'Критерий', requirement: 'Требование права',
    facts: 'В этом деле', no: '№', caseTitle: 'Дело', state: 'Содержание / мера', since: 'Начало', authority: 'Орган',
    count: 'Дел', group: 'Группа', category: 'Категория', breakdown: 'Разбивка',
  },
  noEvents: 'События не записаны.',
  noCharges: 'Обвинения не записаны.',
  noAdvocacy: 'Адвокация не записана.',
  noRemedies: 'Жалобы и иные внутренние средства защиты не записаны.',
  noEvidence: 'Доказательств с комментариями нет.',
  noArgument: 'Аргументация ещё не записана.',
  toComplete: 'Дополнить:',
  noArgumentYet: 'в деле пока нет аргументации. Запишите её в анализе дела до отправки документа.',
  caseNote: 'Заметка по делу',
  sourceLabel: 'Источник',
  noteSeePage: 'полная ссылка на стр. {page}',
  unverifiedLeftOut: (n) =>
    `Не включено аннотаций: ${n} — цитируемый фрагмент изменился или исчез из источника. Проверьте их в разделе «Источники».`,
  preparedBy: (who) => `Подготовил(а): ${who}`,
  sha256: 'SHA-256',
  wgadCategory: (c) => `Категория ${c}`,
  wgadCategoryText: {
    I: 'Явно невозможно сослаться на какое-либо правовое основание, оправдывающее лишение свободы.',
    II: 'Лишение свободы является результатом осуществления прав или свобод, гарантированных статьями 7, 13, 14, 18, 19, 20 и 21 Всеобщей декларации прав человека и, для государств-участников, статьями 12, 18, 19, 21, 22, 25, 26 и 27 МПГПП.',
    III: 'Полное или частичное несоблюдение международных норм о праве на справедливое судебное разбирательство столь серьёзно, что придаёт лишению свободы произвольный характер.',
    IV: 'Просители убежища, иммигранты или беженцы подвергаются длительному административному задержанию без возможности административного или судебного пересмотра или средства правовой защиты.',
    V: 'Лишение свободы нарушает международное право по причине дискриминации, направленной на игнорирование равенства людей или способной привести к нему.',
  },
  wgadClaimed: 'Заявлена в этом деле',
  wgadNotClaimed: 'Категории пока не заявлены.',
  iccpr22Test: {
    law: 'Предусмотрено ли ограничение законом?',
    aim: 'Преследует ли оно законную цель?',
    necessity: 'Необходимо ли оно в демократическом обществе?',
  },
  iccpr22Requirement: {
    law: 'Мера должна основываться на точной, доступной и предсказуемой норме закона.',
    aim: 'Мера должна служить интересам государственной или общественной безопасности, общественного порядка, охраны здоровья или нравственности населения или защиты прав и свобод других лиц.',
    necessity: 'Мера должна отвечать насущной общественной потребности и быть соразмерной; выбирается наименее ограничительное средство.',
  },
  iccpr22Intro: 'Любое ограничение права на ассоциацию должно отвечать всем трём критериям. В правой колонке — что по каждому из них записано в деле.',
  iccpr22Facts: {
    imposedBy: (authority) => `Мера применена органом: ${authority}.`,
    basis: (basis) => `Указанное правовое основание: ${basis}.`,
    basisMissing: 'правовое основание не записано.',
    rights: (rights) => `Затронутые права (по материалам дела): ${rights}.`,
    measure: (measure) => `Мера: ${measure}.`,
    seeArgument: 'См. аргументацию ниже.',
    argumentMissing: 'аргументация по этому критерию.',
  },

  wgad: {
    intro: 'Типовой вопросник для сообщения в Рабочую группу по произвольным задержаниям, заполненный по материалам дела.',
    s1: 'I. Личность', s2: 'II. Арест', s3: 'III. Содержание под стражей', s4: 'IV. Обстоятельства и причины произвольности лишения свободы',
    s5: 'V. Внутренние средства правовой защиты', s6: 'VI. Лицо (лица), направляющие сообщение',
    familyName: 'Имя', otherNames: 'Другие имена и написания', sex: 'Пол', birthYear: 'Год рождения',
    profession: 'Профессия и/или деятельность', affiliation: 'Принадлежность', country: 'Страна',
    arrestDate: 'Дата ареста', arrestEvents: 'Арест по записям дела',
    noArrest: 'Событие ареста не записано.', detentionSince: 'Дата заключения под стражу', detentionStatus: 'Нынешнее положение',
    detentionPlace: 'Место содержания', expectedRelease: 'Ожидаемое освобождение', legalBasis: 'Правовое основание (обвинения)',
    sentence: 'Приговор', rights: 'Нарушенные права',
    chargeEvents: 'Обвинение по записям дела', detentionEvents: 'Этапирование и освобождение по записям дела', otherEvents: 'Хронология иных событий',
    claimedIntro: 'Источник сообщения считает лишение свободы произвольным по следующим категориям.',
    definition: 'Категория',
    inThisCase: 'В этом деле',
    chargesOnRecord: (charges) => `Обвинения: ${charges}.`,
    noChargeOnRecord: 'Обвинения в деле не записаны.',
    argumentFor: 'Аргументация',
    seeArgument: 'См. аргументацию ниже.',
    moreInSection: (n, section) => `и ещё ${n} — см. раздел ${section}.`,
    submitterName: 'Полное имя', submitterOrganisation: 'Организация', submitterAddress: 'Адрес',
    submitterPhone: 'Телефон', submitterEmail: 'Эл. почта', submitterDate: 'Дата', submitterSignature: 'Подпись',
    consent: 'Согласие задержанного или семьи на направление сообщения',
  },
  urgent: {
    concern: 'Повод для беспокойства', details: 'Сведения о деле', background: 'Предыстория', ask: 'О чём просить', whom: 'Кому писать',
    adviceWrite: 'Пишите вежливо, на русском, английском или своём языке. Не прикладывайте судебные документы без согласия семьи.',
    fullSummary: 'Изложение сокращено для призыва; полностью — в справке по делу.',
    recipients: (country) => [
      `Президенту ${country}`,
      `Генеральному прокурору ${country}`,
      `Уполномоченному по правам человека ${country}`,
      `Копии — в дипломатическое представительство ${country} в вашей стране`,
    ],
    otherTargets: 'Уже направлено по этому делу',
  },
  ngoT: {
    organisation: 'Организация', measures: 'Меры и их правовое основание', remedies: 'Средства защиты (обжалование)', impact: 'Последствия',
    pattern: 'Системность', noRelated: 'Связанных дел нет.',
    relatedIntro: (count) => `Связанных дел: ${count} (тот же орган или общая метка).`,
    sharedTags: 'Общие метки',
    sameAuthority: 'тот же орган',
  },
  multiT: {
    counts: 'Сводка', byKind: 'По типу', byStatus: 'По статусу дела', byDetention: 'Политзаключённые по виду содержания',
    byMeasure: 'НКО по мере', casesTable: 'Дела', profiles: 'Профили', total: (n) => `Дел в обзоре: ${n}.`,
  },
  // Genitive: the names are only used after a title ("Президенту Республики Казахстан").
  country: {
    KZ: 'Республики Казахстан', KG: 'Кыргызской Республики', TJ: 'Республики Таджикистан', UZ: 'Республики Узбекистан',
    TM: 'Туркменистана', RU: 'Российской Федерации', BY: 'Республики Беларусь', AZ: 'Азербайджанской Республики', CN: 'Китайской Народной Республики',
  },
  countryShort: {
    KZ: 'Казахстан', KG: 'Кыргызстан', TJ: 'Таджикистан', UZ: 'Узбекистан', TM: 'Туркменистан', RU: 'Россия',
    BY: 'Беларусь', AZ: 'Азербайджан', CN: 'Китай',
  },
  theState: 'соответствующего государства',
  countryOf: (name) => `государства ${name}`,
};

function ruPlural(n: number, one: string, few: string, many: string): string {
  const rule = new Intl.PluralRules('ru-RU').select(n);
  return rule === 'one' ? one : rule === 'few' ? few : many;
}

// Kazakh until its own table lands: Russian, which every Kazakh reader reads (replaced by kk below).
export const LABELS: Record<BriefLang, Labels> = { en, ru, kk: ru };

export function labelsFor(lang: BriefLang): Labels {
  return LABELS[lang];
}

/** Every fixed string of both tables, for telling boilerplate apart from case text. */
export function allLabelStrings(): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(LABELS);
  return out;
}
