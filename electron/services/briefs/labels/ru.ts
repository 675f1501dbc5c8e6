import type { Labels } from './en';
import { factsRu } from './facts';
import { ruPlural } from './plural';
import { MONTH_NAMES } from '../../../../shared/text/monthNames';
import { ENUM_LABELS } from '../../../../shared/labels/enumLabels';

// Russian as the UN's own Russian texts and Kazakhstan's Russian-language codes word it
// (sources in docs/brief-glossary.md). No abbreviations in running text ("дн.", "эл."),
// no "confession"-reading «Признание», no «Содержание» that reads as "Contents".

const MONTHS = MONTH_NAMES.ru.nominative;
const SHARED = ENUM_LABELS.ru;
/** After a day number the month is in the genitive: «16 февраля». */
const MONTHS_AFTER_DAY = MONTH_NAMES.ru.afterDay;

export const ru: Labels = {
  locale: 'ru-RU',
  facts: factsRu,
  quoteOpen: '«',
  quoteClose: '»',
  pageOf: 'Стр. {page} из {total}',
  generated: (date) => `Подготовлено ${date} в Casefile`,
  confidentialStamp: 'КОНФИДЕНЦИАЛЬНО',
  confidentialItem: '[конфиденциально]',
  markingPublic: 'ДЛЯ ОТКРЫТОГО РАСПРОСТРАНЕНИЯ — конфиденциальные сведения исключены; документ можно передавать третьим лицам.',
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
  // The words the window prints too come from shared/labels; an NGO case is named by the organisation here on purpose (see there).
  kind: { ...SHARED.kind, ngo_suspension: 'НКО, деятельность которой ограничена' },
  status: SHARED.status,
  priority: SHARED.priority,
  detentionStatus: {
    pre_trial: 'Содержание под стражей до суда', house_arrest: 'Домашний арест', administrative_arrest: 'Административный арест',
    imprisoned: 'Лишение свободы', restricted_freedom: 'Ограничение свободы', forced_treatment: 'Принудительное психиатрическое лечение',
    incommunicado: 'Местонахождение неизвестно (содержится без связи с внешним миром)', fined: 'Назначен штраф', released: 'На свободе',
    exile: 'В вынужденной эмиграции', unknown: 'Неизвестно',
  },
  penaltyType: {
    prison: 'Лишение свободы', administrative_arrest: 'Административный арест', restricted_freedom: 'Ограничение свободы', fine: 'Штраф',
    suspended: 'Условное осуждение', activity_ban: 'Лишение права заниматься определённой деятельностью', travel_ban: 'Запрет на выезд',
    forced_treatment: 'Принудительное психиатрическое лечение', none: 'Наказание не назначено',
  },
  recognition: {
    political_prisoner: 'политический заключённый', prisoner_of_conscience: 'узник совести', other: 'иной статус',
  },
  measureType: {
    suspension: 'Приостановление деятельности', fine: 'Штраф', liquidation: 'Ликвидация', inspection: 'Проверка',
    registration_denied: 'Отказ в регистрации', other: 'Иная мера',
  },
  measureStatus: {
    in_force: 'действует', appealed: 'обжалуется', overturned: 'отменена', upheld: 'оставлена в силе', expired: 'срок истёк',
  },
  eventType: {
    arrest: 'Задержание', charge: 'Предъявление обвинения', hearing: 'Судебное заседание', verdict: 'Приговор', appeal: 'Обжалование',
    transfer: 'Этапирование', release: 'Освобождение', suspension: 'Приостановление деятельности', fine: 'Штраф', inspection: 'Проверка',
    statement: 'Заявление', other: 'Иное',
  },
  advocacyKind: {
    communication: 'Сообщение', urgent_appeal: 'Призыв к незамедлительным действиям', letter: 'Письмо', statement: 'Заявление',
    meeting: 'Встреча', other: 'Иное',
  },
  advocacyStatus: {
    draft: 'Черновик', sent: 'Отправлено', replied: 'Получен ответ', decided: 'Принято решение', closed: 'Закрыто',
  },
  sourceKind: {
    article: 'статья', court_document: 'судебный документ', statement: 'заявление', interview: 'интервью', photo: 'фотография',
    recording: 'запись', other: 'документ',
  },
  gender: SHARED.gender,

  date: (year, month, day) =>
    month === undefined ? String(year) : day === undefined ? `${MONTHS[month - 1]} ${year}` : `${day} ${MONTHS_AFTER_DAY[month - 1]} ${year}`,
  // Administrative arrest is counted in сутки (КоАП РК, ст. 50): «10 суток», «21 сутки».
  duration: (years, months, days = 0, unit = 'day') =>
    [
      years > 0 ? `${years} ${ruPlural(years, 'год', 'года', 'лет')}` : '',
      months > 0 || (years === 0 && days === 0) ? `${months} ${ruPlural(months, 'месяц', 'месяца', 'месяцев')}` : '',
      days > 0 ? `${days} ${unit === 'dayNight' ? ruPlural(days, 'сутки', 'суток', 'суток') : ruPlural(days, 'день', 'дня', 'дней')}` : '',
    ].filter(Boolean).join(' '),
  approxUsd: (usd) => `≈ ${usd} USD`,
  circa: 'около ',
  // «с март 2019» would need the month declined; a label reads right with any precision.
  sinceDate: (date) => `дата начала — ${date}`,

  field: {
    name: 'Фамилия, имя', otherNames: 'Иные варианты написания', born: 'Дата рождения', gender: 'Пол', occupation: 'Род занятий',
    affiliation: 'Членство, принадлежность', country: 'Страна', region: 'Регион', caseStatus: 'Статус дела', priority: 'Приоритет',
    detention: 'Положение', place: 'Место', since: 'Дата начала', expectedRelease: 'Ожидаемое освобождение', charges: 'Обвинения',
    sentence: 'Наказание', verdict: 'Дата приговора', court: 'Суд', recognitions: 'Признан(а)', lawyer: 'Адвокат',
    contact: 'Контактные данные', organisation: 'Организация', registrationNumber: 'Регистрационный номер', focus: 'Направление деятельности',
    city: 'Город', measure: 'Мера', authority: 'Орган', legalBasis: 'Правовое основание', start: 'Начало', end: 'Окончание', duration: 'Срок',
    fine: 'Штраф', appeal: 'Обжалование', filed: 'Подано', outcome: 'Результат', tags: 'Метки', rightsViolated: 'Нарушенные права',
    kind: 'Вид',
  },
  section: {
    keyFacts: 'Основные факты', summary: 'Краткое изложение', requests: 'Просьбы', chronology: 'Хронология', charges: 'Обвинения',
    analysis: 'Правовой анализ', remedies: 'Средства правовой защиты и обращения', domesticRemedies: 'Внутренние средства правовой защиты',
    advocacy: 'Обращения в международные органы', evidence: 'Доказательства с комментариями', argument: 'Правовая позиция',
    wgadCategories: 'Категории произвольного лишения свободы (по определению Рабочей группы ООН)',
    iccpr22: 'Ограничение по пункту 2 статьи 22 МПГПП',
    deadlines: 'Ближайшие сроки',
  },
  table: {
    date: 'Дата', event: 'Событие', details: 'Подробности', target: 'Адресат', kind: 'Вид', reference: 'Номер', status: 'Статус',
    followUp: 'Дата контроля', article: 'Статья', code: 'Кодекс', summary: 'Описание', test: 'Критерий', requirement: 'Что требует право',
    facts: 'В данном деле', no: '№', caseTitle: 'Дело', state: 'Положение / мера', since: 'Начало', authority: 'Орган',
    count: 'Число дел', group: 'Группа', category: 'Категория', breakdown: 'В том числе',
  },
  noEvents: 'Сведений о событиях нет.',
  noCharges: 'Сведений об обвинениях нет.',
  noAdvocacy: 'Сведений об обращениях нет.',
  noRemedies: 'Сведений о жалобах и иных внутренних средствах правовой защиты нет.',
  noEvidence: 'Доказательств с комментариями нет.',
  noArgument: 'Правовая позиция ещё не изложена.',
  toComplete: 'Дополнить:',
  noArgumentYet: 'в деле пока не изложена правовая позиция. Изложите её в разделе «Анализ» до отправки документа.',
  caseNote: 'Примечание по делу',
  sourceLabel: 'Источник',
  noteSeePage: 'полная ссылка на стр. {page}',
  unverifiedLeftOut: (n) =>
    `${n} ${ruPlural(n, 'аннотация не включена', 'аннотации не включены', 'аннотаций не включено')}: цитируемый фрагмент изменился или исчез из источника. Проверьте их в разделе «Источники».`,
  preparedBy: (who) => `Подготовил(а): ${who}`,
  sha256: 'SHA-256',
  wgadCategory: (c) => `Категория ${c}`,
  wgadCategoryText: {
    I: 'Явно невозможно сослаться на какое-либо правовое основание, оправдывающее лишение свободы.',
    II: 'Лишение свободы является результатом осуществления прав или свобод, гарантированных статьями 7, 13, 14, 18, 19, 20 и 21 Всеобщей декларации прав человека и, для государств-участников, статьями 12, 18, 19, 21, 22, 25, 26 и 27 Международного пакта о гражданских и политических правах.',
    III: 'Полное или частичное несоблюдение международных норм, касающихся права на справедливое судебное разбирательство, является столь серьёзным, что придаёт лишению свободы произвольный характер.',
    IV: 'Просители убежища, иммигранты или беженцы подвергаются длительному административному задержанию без возможности административного или судебного пересмотра или средства правовой защиты.',
    V: 'Лишение свободы представляет собой нарушение международного права по причине дискриминации, которая направлена на игнорирование равенства людей или может привести к такому игнорированию.',
  },
  wgadClaimed: 'Заявлена в данном деле',
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
  iccpr22Intro: 'Любое ограничение права на свободу ассоциации должно отвечать всем трём критериям. В правой колонке — что по каждому из них содержится в материалах дела.',
  iccpr22Facts: {
    imposedBy: (authority) => `Мера применена органом: ${authority}.`,
    basis: (basis) => `Указанное правовое основание: ${basis}.`,
    basisMissing: 'правовое основание не указано.',
    rights: (rights) => `Затронутые права (по материалам дела): ${rights}.`,
    measure: (measure) => `Мера: ${measure}.`,
    seeArgument: 'См. правовую позицию ниже.',
    argumentMissing: 'правовая позиция по этому критерию.',
  },

  wgad: {
    intro: 'Типовой вопросник для представления сообщения в Рабочую группу по произвольным задержаниям, заполненный на основании материалов дела.',
    s1: 'I. Сведения о личности', s2: 'II. Арест', s3: 'III. Содержание под стражей', s4: 'IV. Обстоятельства и причины, по которым лишение свободы является произвольным',
    s5: 'V. Внутренние средства правовой защиты', s6: 'VI. Лицо (лица), представляющее (-ие) сообщение',
    familyName: 'Фамилия, имя', otherNames: 'Другие имена и написания', sex: 'Пол', birthYear: 'Дата (год) рождения',
    profession: 'Профессия и/или деятельность', affiliation: 'Членство, принадлежность', country: 'Страна',
    arrestDate: 'Дата ареста', arrestEvents: 'Арест по материалам дела',
    noArrest: 'Сведений об аресте нет.', detentionSince: 'Дата заключения под стражу', detentionStatus: 'Нынешнее положение',
    detentionPlace: 'Место содержания', expectedRelease: 'Ожидаемое освобождение', legalBasis: 'Правовое основание (обвинения)',
    sentence: 'Наказание', rights: 'Нарушенные права',
    chargeEvents: 'Обвинение по материалам дела', detentionEvents: 'Этапирование и освобождение по материалам дела', otherEvents: 'Хронология иных событий',
    claimedIntro: 'Источник утверждает, что лишение свободы является произвольным и подпадает под следующие категории.',
    definition: 'Определение категории',
    inThisCase: 'В данном деле',
    chargesOnRecord: (charges) => `Обвинения: ${charges}.`,
    noChargeOnRecord: 'Сведений об обвинениях в деле нет.',
    argumentFor: 'Правовая позиция',
    seeArgument: 'См. правовую позицию ниже.',
    moreInSection: (n, section) => `и ещё ${n} — см. раздел ${section}.`,
    submitterName: 'Фамилия, имя, отчество', submitterOrganisation: 'Организация', submitterAddress: 'Адрес',
    submitterPhone: 'Телефон', submitterEmail: 'Электронная почта', submitterDate: 'Дата', submitterSignature: 'Подпись',
    consent: 'Согласие задержанного или его семьи на направление сообщения',
  },
  urgent: {
    concern: 'Причина обеспокоенности', details: 'Сведения о деле', background: 'Контекст', ask: 'О чём просить власти', whom: 'Кому писать',
    adviceWrite: 'Пишите вежливо, на русском, английском или своём языке. Не прикладывайте копии судебных документов без согласия семьи.',
    fullSummary: 'Изложение сокращено для этого призыва; полный текст — в справке по делу.',
    recipients: (country) => [
      `Президенту ${country}`,
      `Генеральному прокурору ${country}`,
      `Уполномоченному по правам человека ${country}`,
      `Копии — в дипломатическое представительство ${country} в вашей стране`,
    ],
    otherTargets: 'Ранее направленные обращения по делу',
  },
  ngoT: {
    organisation: 'Сведения об организации', measures: 'Меры и их правовое основание', remedies: 'Средства правовой защиты (обжалование)', impact: 'Последствия',
    pattern: 'Систематический характер', noRelated: 'Сведений о связанных делах нет.',
    relatedIntro: (count) => `Связанных дел: ${count} (тот же орган или общая метка).`,
    sharedTags: 'Общие метки',
    sameAuthority: 'тот же орган',
  },
  multiT: {
    counts: 'Сводка', byKind: 'По виду дела', byStatus: 'По статусу дела', byDetention: 'Политические заключённые по положению',
    byMeasure: 'НКО по виду меры', casesTable: 'Дела', profiles: 'Сведения по делам', total: (n) => `Дел в обзоре: ${n}.`,
  },
  // Genitive: the names are only used after a title («Президенту Республики Казахстан»).
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
