import type { z } from 'zod';
import type { ChargeOutcome, ConsentStatus, DecisionStage, WarrantShown } from '../../../../shared/model';

// The words for the facts model version 2 added (decisions, the arrest, identity and
// detention details, requests, consent), in the three languages. English is the
// reference and its shape is the type.

type Names<T extends string> = Record<T, string>;

export const factsEn = {
  decisions: 'Decisions',
  noDecisions: 'No decisions recorded.',
  penaltyInForce: 'Penalty in force',
  stage: {
    verdict: 'Verdict', appeal: 'Appeal', cassation: 'Cassation', supervisory_review: 'Supervisory review', reduction: 'Reduction',
    commutation: 'Commutation', pardon: 'Pardon', amnesty: 'Amnesty', early_release: 'Early release',
    early_release_denied: 'Early release denied', other: 'Other decision',
  } satisfies Names<z.infer<typeof DecisionStage>>,
  /** A first-instance decision imposing administrative arrest is a ruling, not a criminal verdict. */
  administrativeRuling: 'Court ruling',
  col: { date: 'Date', stage: 'Decision', body: 'Court or authority', penalty: 'Penalty', outcome: 'Outcome' },
  arrest: 'Arrest',
  arrestDate: 'Date of arrest',
  arrestPlace: 'Place of arrest',
  arrestBy: 'Arrested by',
  warrantShown: 'Warrant shown',
  warrant: { yes: 'yes', no: 'no', unknown: 'unknown' } satisfies Names<z.infer<typeof WarrantShown>>,
  warrantIssuedBy: 'Warrant issued by',
  reasonsGiven: 'Reasons given',
  arrestLegalBasis: 'Legal basis invoked',
  nationality: 'Nationality',
  heldBy: 'Held by',
  releasedOn: 'Released on',
  conditions: 'Conditions of detention',
  health: 'Health (confidential)',
  address: 'Address',
  idDocument: 'Identity document',
  consent: 'Consent',
  consentStatus: { given: 'given', refused: 'refused', pending: 'pending', not_needed: 'not needed' } satisfies Names<z.infer<typeof ConsentStatus>>,
  legalForm: 'Legal form',
  aimClaimed: 'Aim claimed by the authorities',
  impact: 'Impact',
  chargeOutcome: {
    pending: 'pending', convicted: 'convicted', acquitted: 'acquitted', dropped: 'dropped', requalified: 'requalified',
  } satisfies Names<z.infer<typeof ChargeOutcome>>,
  /** A request narrowed to one recipient is marked with it. */
  requestTo: (addressee: string) => `To ${addressee}:`,
};

export type FactLabels = typeof factsEn;

export const factsRu: FactLabels = {
  decisions: 'Решения',
  noDecisions: 'Сведений о решениях нет.',
  penaltyInForce: 'Действующее наказание',
  stage: {
    verdict: 'Приговор', appeal: 'Апелляция', cassation: 'Кассация', supervisory_review: 'Надзорный пересмотр', reduction: 'Сокращение срока',
    commutation: 'Замена наказания более мягким', pardon: 'Помилование', amnesty: 'Амнистия', early_release: 'Условно-досрочное освобождение',
    early_release_denied: 'Отказ в условно-досрочном освобождении', other: 'Иное решение',
  },
  administrativeRuling: 'Постановление суда',
  col: { date: 'Дата', stage: 'Решение', body: 'Суд или орган', penalty: 'Наказание', outcome: 'Результат' },
  arrest: 'Задержание',
  arrestDate: 'Дата задержания',
  arrestPlace: 'Место задержания',
  arrestBy: 'Кем задержан(а)',
  warrantShown: 'Предъявлено ли постановление о задержании',
  warrant: { yes: 'да', no: 'нет', unknown: 'неизвестно' },
  warrantIssuedBy: 'Кем вынесено постановление',
  reasonsGiven: 'Названные причины задержания',
  arrestLegalBasis: 'Названное правовое основание',
  nationality: 'Гражданство',
  heldBy: 'Кем содержится',
  releasedOn: 'Дата освобождения',
  conditions: 'Условия содержания',
  health: 'Здоровье (конфиденциально)',
  address: 'Адрес',
  idDocument: 'Документ, удостоверяющий личность',
  consent: 'Согласие',
  consentStatus: { given: 'дано', refused: 'в согласии отказано', pending: 'ожидается', not_needed: 'не требуется' },
  legalForm: 'Организационно-правовая форма',
  aimClaimed: 'Цель, заявленная властями',
  impact: 'Последствия',
  chargeOutcome: {
    pending: 'не рассмотрено', convicted: 'осуждён(а)', acquitted: 'оправдан(а)', dropped: 'обвинение снято', requalified: 'переквалифицировано',
  },
  requestTo: (addressee) => `Адресат — ${addressee}:`,
};

// Kazakh as the Kazakh texts of the Criminal, Criminal Procedure and Administrative
// Offences Codes word it (үкім, күзетпен ұстау, шартты түрде мерзімінен бұрын босату…).
export const factsKk: FactLabels = {
  decisions: 'Шешімдер',
  noDecisions: 'Шешімдер туралы мәлімет жоқ.',
  penaltyInForce: 'Күшіндегі жаза',
  stage: {
    verdict: 'Үкім', appeal: 'Апелляция', cassation: 'Кассация', supervisory_review: 'Қадағалау тәртібімен қайта қарау',
    reduction: 'Жаза мерзімін қысқарту', commutation: 'Жазаны неғұрлым жеңіл жазамен ауыстыру', pardon: 'Кешірім жасау', amnesty: 'Рақымшылық',
    early_release: 'Шартты түрде мерзімінен бұрын босату', early_release_denied: 'Шартты түрде мерзімінен бұрын босатудан бас тарту',
    other: 'Өзге шешім',
  },
  administrativeRuling: 'Сот қаулысы',
  col: { date: 'Күні', stage: 'Шешім', body: 'Сот немесе орган', penalty: 'Жаза', outcome: 'Нәтижесі' },
  arrest: 'Ұстау',
  arrestDate: 'Ұсталған күні',
  arrestPlace: 'Ұсталған жері',
  arrestBy: 'Ұстаған орган',
  warrantShown: 'Ұстау туралы қаулы көрсетілді ме',
  warrant: { yes: 'иә', no: 'жоқ', unknown: 'белгісіз' },
  warrantIssuedBy: 'Қаулыны шығарған орган',
  reasonsGiven: 'Айтылған ұстау себептері',
  arrestLegalBasis: 'Көрсетілген құқықтық негіз',
  nationality: 'Азаматтығы',
  heldBy: 'Кімнің қарауында ұсталуда',
  releasedOn: 'Босатылған күні',
  conditions: 'Ұстау жағдайлары',
  health: 'Денсаулығы (құпия)',
  address: 'Мекенжайы',
  idDocument: 'Жеке басын куәландыратын құжат',
  consent: 'Келісім',
  consentStatus: { given: 'берілді', refused: 'келісім беруден бас тартылды', pending: 'күтілуде', not_needed: 'қажет емес' },
  legalForm: 'Ұйымдық-құқықтық нысаны',
  aimClaimed: 'Билік мәлімдеген мақсат',
  impact: 'Салдары',
  chargeOutcome: {
    pending: 'қаралмаған', convicted: 'сотталды', acquitted: 'ақталды', dropped: 'айып алынып тасталды', requalified: 'қайта сараланды',
  },
  requestTo: (addressee) => `Адресаты — ${addressee}:`,
};
