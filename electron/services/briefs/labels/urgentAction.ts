import type { BriefLang } from '../../../../shared/model/brief';

// The urgent action's own words (an Amnesty-style sheet), beside the shared tables in
// labels.ts. Read as uaLabels[ctx.lang]. Russian as Amnesty's Russian sheets word it;
// Kazakh in plain legal Kazakh.

type Pronoun = 'female' | 'male' | 'other' | 'unknown';

const en = {
  uaNumber: 'UA number',
  issuedOn: 'Issue date',
  /** The sheet's kicker beside its number. */
  headline: (country: string, name: string) => (country ? `${country}: ${name}` : name),
  nameAndPronoun: 'Name and pronoun',
  /** The pronoun after the name; none where the file does not record the person's gender. */
  pronoun: { female: 'she/her', male: 'he/him', other: '', unknown: '' } satisfies Record<Pronoun, string>,
  modelLetter: 'Write an appeal in your own words or use this model letter',
  genericSalutation: 'Dear Sir or Madam,',
  letterAbout: (name: string, state: string) => (state ? `I am writing to you about the case of ${name} (${state}).` : `I am writing to you about the case of ${name}.`),
  letterAsk: 'I call on you to:',
  /** Cites the ICCPR only for a State party to it. */
  rightsIccpr: (country: string, articles: string) =>
    `I recall that ${country} is a State party to the International Covenant on Civil and Political Rights, and the rights set out in its ${articles}.`,
  rightsUdhr: (articles: string) => `I recall the rights proclaimed in the Universal Declaration of Human Rights, ${articles}.`,
  articles: (numbers: readonly string[]) => (numbers.length === 1 ? `article ${numbers[0]}` : `articles ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`),
  close: 'Yours sincerely,',
  officials: 'Officials to write to',
  address: 'Address',
  email: 'E-mail',
  salutation: 'Salutation',
  copies: (country: string) => `Copies to: the diplomatic representatives of ${country} accredited to your country.`,
  sendBefore: (date: string) => `Please send appeals before ${date}.`,
  language: 'Preferred language',
  ownLanguage: 'You can also write in your own language.',
  issuedBy: 'Issued by',
  phone: 'Telephone',
  responsible: 'Responsible',
  /** Internal briefs only: what the sheet still lacks before it is sent. */
  missing: {
    number: 'the UA number (Brief dialog, urgent action).',
    sendBefore: 'the date before which appeals should be sent.',
    officials: (country: string) => `officials to write to: the address book has none for ${country}. Add them in Settings → Address book; the sheet names no body the book does not list.`,
    requests: 'the case’s requests: the model letter asks only what the case asks.',
    issuer: 'the organisation issuing the action (Settings → Organisation).',
  },
};

export type UaLabels = typeof en;

const ru: UaLabels = {
  uaNumber: 'Номер акции',
  issuedOn: 'Дата выпуска',
  headline: (country, name) => (country ? `${country}: ${name}` : name),
  nameAndPronoun: 'Имя и местоимение',
  pronoun: { female: 'она', male: 'он', other: '', unknown: '' },
  modelLetter: 'Напишите обращение своими словами или используйте этот образец письма',
  genericSalutation: 'Уважаемые господа!',
  letterAbout: (name, state) => (state ? `Обращаюсь к Вам в связи с делом: ${name} (${state}).` : `Обращаюсь к Вам в связи с делом: ${name}.`),
  letterAsk: 'Призываю Вас:',
  rightsIccpr: (country, articles) =>
    `Напоминаю, что ${country} является участником Международного пакта о гражданских и политических правах, и о правах, закреплённых в его ${articles}.`,
  rightsUdhr: (articles) => `Напоминаю о правах, провозглашённых Всеобщей декларацией прав человека (${articles}).`,
  articles: (numbers) => (numbers.length === 1 ? `статье ${numbers[0]}` : `статьях ${numbers.slice(0, -1).join(', ')} и ${numbers.at(-1)}`),
  close: 'С уважением,',
  officials: 'Кому писать',
  address: 'Адрес',
  email: 'Эл. почта',
  salutation: 'Обращение',
  copies: (country) => `Копии: дипломатическим представителям ${country}, аккредитованным в вашей стране.`,
  sendBefore: (date) => `Пожалуйста, направьте обращения до ${date}.`,
  language: 'Предпочтительный язык',
  ownLanguage: 'Можно писать и на своём языке.',
  issuedBy: 'Выпущено',
  phone: 'Телефон',
  responsible: 'Ответственное лицо',
  missing: {
    number: 'номер акции (окно «Документ», срочная акция).',
    sendBefore: 'дата, до которой следует направить обращения.',
    officials: (country) => `адресаты: в адресной книге нет ни одного для страны «${country}». Добавьте их в «Настройки → Адресная книга»; акция не называет органов, которых нет в книге.`,
    requests: 'просьбы по делу: образец письма просит только то, о чём просит дело.',
    issuer: 'организация, выпускающая акцию («Настройки → Организация»).',
  },
};

const kk: UaLabels = {
  uaNumber: 'Акция нөмірі',
  issuedOn: 'Шығарылған күні',
  headline: (country, name) => (country ? `${country}: ${name}` : name),
  nameAndPronoun: 'Аты-жөні және есімдігі',
  // Kazakh has one pronoun, «ол», for everyone: the sex is said instead where the file records it.
  pronoun: { female: 'ол, әйел', male: 'ол, ер адам', other: '', unknown: '' },
  modelLetter: 'Өтінішті өз сөзіңізбен жазыңыз немесе осы үлгі хатты пайдаланыңыз',
  genericSalutation: 'Құрметті мырзалар мен ханымдар!',
  letterAbout: (name, state) => (state ? `Сізге мына іс бойынша жүгінемін: ${name} (${state}).` : `Сізге мына іс бойынша жүгінемін: ${name}.`),
  letterAsk: 'Сізді мыналарға шақырамын:',
  rightsIccpr: (country, articles) =>
    `${country} Азаматтық және саяси құқықтар туралы халықаралық пактінің қатысушысы екенін және оның ${articles} бекітілген құқықтарды еске саламын.`,
  rightsUdhr: (articles) => `Адам құқықтарының жалпыға бірдей декларациясында (${articles}) жарияланған құқықтарды еске саламын.`,
  articles: (numbers) => (numbers.length === 1 ? `${numbers[0]}-бабында` : `${numbers.slice(0, -1).join(', ')} және ${numbers.at(-1)}-баптарында`),
  close: 'Құрметпен,',
  officials: 'Кімге жазу керек',
  address: 'Мекенжайы',
  email: 'Эл. пошта',
  salutation: 'Қаратпа сөз',
  copies: (country) => `Көшірмелері: ${country} сіздің еліңіздегі дипломатиялық өкілдеріне.`,
  // «…дейін» would need the date in the dative («15 қаңтарға дейін»); a colon keeps any written date grammatical.
  sendBefore: (date) => `Өтініштерді жіберудің соңғы мерзімі: ${date}.`,
  language: 'Қалаулы тіл',
  ownLanguage: 'Өз тіліңізде де жазуға болады.',
  issuedBy: 'Шығарған',
  phone: 'Телефон',
  responsible: 'Жауапты тұлға',
  missing: {
    number: 'акция нөмірі («Құжат» терезесі, шұғыл әрекет).',
    sendBefore: 'өтініштерді жіберудің соңғы күні.',
    officials: (country) => `хат жазылатын лауазымды тұлғалар: мекенжай кітабында «${country}» үшін ешкім жоқ. Оларды «Баптаулар → Мекенжай кітабы» бөлімінде қосыңыз; акция кітапта жоқ органды атамайды.`,
    requests: 'іс бойынша өтініштер: үлгі хат тек іс сұрағанды ғана сұрайды.',
    issuer: 'акцияны шығаратын ұйым («Баптаулар → Ұйым»).',
  },
};

export const uaLabels = { en, ru, kk } satisfies Record<BriefLang, UaLabels>;

/**
 * Country names in Kazakh, short and in the genitive ("Қазақстан Республикасының"), until
 * the Kazakh label table holds them: the Russian genitive cannot stand in a Kazakh sentence.
 */
export const KK_COUNTRY: Record<string, { short: string; genitive: string }> = {
  KZ: { short: 'Қазақстан', genitive: 'Қазақстан Республикасының' },
  KG: { short: 'Қырғызстан', genitive: 'Қырғыз Республикасының' },
  UZ: { short: 'Өзбекстан', genitive: 'Өзбекстан Республикасының' },
  TJ: { short: 'Тәжікстан', genitive: 'Тәжікстан Республикасының' },
  TM: { short: 'Түрікменстан', genitive: 'Түрікменстанның' },
  RU: { short: 'Ресей', genitive: 'Ресей Федерациясының' },
  BY: { short: 'Беларусь', genitive: 'Беларусь Республикасының' },
  CN: { short: 'Қытай', genitive: 'Қытай Халық Республикасының' },
  AZ: { short: 'Әзірбайжан', genitive: 'Әзірбайжан Республикасының' },
};
