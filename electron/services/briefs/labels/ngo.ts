import type { BriefLang } from '../../../../shared/model/brief';

// The SR submission's own words, beside the shared tables in labels.ts. Read as
// ngoLabels[ctx.lang]. Russian as the UN's Russian texts word the mandate; Kazakh in
// plain legal Kazakh.

const en = {
  founded: 'Founded',
  activities: 'Activities',
  members: 'Members',
  measureNo: (n: number) => `Measure ${n}`,
  date: 'Date',
  place: 'Place',
  description: 'Description',
  status: 'Status',
  aimGiven: (aim: string) => `Aim claimed by the authorities: ${aim}.`,
  otherEvents: 'Other events',
  otherMechanisms: 'Other mechanisms seized',
  submittedBy: 'Submitted by',
  phone: 'Telephone',
  email: 'E-mail',
  responsible: 'Person responsible',
  confidentiality: 'Confidentiality',
  keepConfidential: 'Information the Special Rapporteur is asked to keep confidential',
  asks: 'What the Special Rapporteur is asked to do',
  missing: {
    legalBasis: 'the legal basis of the measure (the case’s measure).',
    remedies: 'the remedies pursued and their outcome (the case’s appeal).',
    requests: 'the case’s requests: the submission asks only what the case asks.',
    submitter: 'the submitting organisation (Settings → Organisation).',
  },
};

export type NgoLabels = typeof en;

const ru: NgoLabels = {
  founded: 'Дата основания',
  activities: 'Деятельность',
  members: 'Число членов',
  measureNo: (n) => `Мера ${n}`,
  date: 'Дата',
  place: 'Место',
  description: 'Описание',
  status: 'Статус',
  aimGiven: (aim) => `Цель, заявленная властями: ${aim}.`,
  otherEvents: 'Иные события',
  otherMechanisms: 'Иные механизмы, в которые направлялись обращения',
  submittedBy: 'Автор обращения',
  phone: 'Телефон',
  email: 'Эл. почта',
  responsible: 'Ответственное лицо',
  confidentiality: 'Конфиденциальность',
  keepConfidential: 'Сведения, которые Специального докладчика просят сохранить в тайне',
  asks: 'О чём просят Специального докладчика',
  missing: {
    legalBasis: 'правовое основание меры (мера в деле).',
    remedies: 'использованные средства защиты и их результат (обжалование в деле).',
    requests: 'просьбы по делу: обращение просит только о том, о чём просит дело.',
    submitter: 'организация, направляющая обращение («Настройки → Организация»).',
  },
};

const kk: NgoLabels = {
  founded: 'Құрылған күні',
  activities: 'Қызметі',
  members: 'Мүшелер саны',
  measureNo: (n) => `${n}-шара`,
  date: 'Күні',
  place: 'Орны',
  description: 'Сипаттамасы',
  status: 'Мәртебесі',
  aimGiven: (aim) => `Билік мәлімдеген мақсат: ${aim}.`,
  otherEvents: 'Басқа оқиғалар',
  otherMechanisms: 'Жүгінген басқа тетіктер',
  submittedBy: 'Өтінішті жолдаған',
  phone: 'Телефон',
  email: 'Эл. пошта',
  responsible: 'Жауапты тұлға',
  confidentiality: 'Құпиялылық',
  keepConfidential: 'Арнайы баяндамашыдан құпия сақтау сұралатын мәліметтер',
  asks: 'Арнайы баяндамашыдан не сұралады',
  missing: {
    legalBasis: 'шараның құқықтық негізі (істегі шара).',
    remedies: 'пайдаланылған құқықтық қорғау құралдары және олардың нәтижесі (істегі шағым).',
    requests: 'іс бойынша өтініштер: өтініш тек іс сұрағанды ғана сұрайды.',
    submitter: 'өтінішті жолдайтын ұйым («Баптаулар → Ұйым»).',
  },
};

export const ngoLabels = { en, ru, kk } satisfies Record<BriefLang, NgoLabels>;
