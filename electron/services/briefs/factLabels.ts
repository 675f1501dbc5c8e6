import type { z } from 'zod';
import type { ChargeOutcome, ConsentStatus, DecisionStage, WarrantShown } from '../../../shared/model';

// The words for the facts model version 2 added (decisions, the arrest, identity and
// detention details, requests, consent). Kept apart from labels.ts, which holds the
// rest; English is the reference and its shape is the type.

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
  noDecisions: 'Решения не записаны.',
  penaltyInForce: 'Действующее наказание',
  stage: {
    verdict: 'Приговор', appeal: 'Апелляция', cassation: 'Кассация', supervisory_review: 'Надзорный пересмотр', reduction: 'Сокращение срока',
    commutation: 'Замена наказания', pardon: 'Помилование', amnesty: 'Амнистия', early_release: 'Условно-досрочное освобождение',
    early_release_denied: 'Отказ в УДО', other: 'Иное решение',
  },
  col: { date: 'Дата', stage: 'Решение', body: 'Суд или орган', penalty: 'Наказание', outcome: 'Результат' },
  arrest: 'Задержание',
  arrestDate: 'Дата задержания',
  arrestPlace: 'Место задержания',
  arrestBy: 'Кем задержан(а)',
  warrantShown: 'Предъявлено ли постановление',
  warrant: { yes: 'да', no: 'нет', unknown: 'неизвестно' },
  warrantIssuedBy: 'Кем выдано постановление',
  reasonsGiven: 'Объявленные причины',
  arrestLegalBasis: 'Названное правовое основание',
  nationality: 'Гражданство',
  heldBy: 'Под чьим контролем',
  releasedOn: 'Дата освобождения',
  conditions: 'Условия содержания',
  health: 'Здоровье (конфиденциально)',
  address: 'Адрес',
  idDocument: 'Документ, удостоверяющий личность',
  consent: 'Согласие',
  consentStatus: { given: 'дано', refused: 'не дано', pending: 'ожидается', not_needed: 'не требуется' },
  legalForm: 'Организационно-правовая форма',
  aimClaimed: 'Цель, заявленная властями',
  impact: 'Последствия',
  chargeOutcome: {
    pending: 'не рассмотрено', convicted: 'осуждён(а)', acquitted: 'оправдан(а)', dropped: 'снято', requalified: 'переквалифицировано',
  },
  requestTo: (addressee) => `Адресат — ${addressee}:`,
};
