import type { CaseStatus, Priority } from '../model/case';

// The enum words the window and the briefs both print, one table per language: a case's
// status and priority, a person's gender, and "political prisoner" as a kind of case
// ("Status: Active" in a brief reads as the window shows it). The renderer merges these
// into its `enums.<group>` texts (renderer/i18n/index.ts) and the brief label tables
// take them from here (electron/services/briefs/labels/<lang>.ts), so a word changed
// here changes in both. Every other enum is named in two registers on purpose and stays
// on each side: the brief prints the legal term in full, as docs/brief-glossary.md fixes
// it ("Содержание под стражей до суда"), the window a short state that fits a column or
// a chip ("Под стражей до суда"); an NGO case is named by its measure in the window
// ("NGO under a measure", the New case chooser) and by the organisation in a brief
// ("Restricted NGO").

type Names<T extends string> = Readonly<Record<T, string>>;
type SharedEnumLabels = {
  kind: { political_prisoner: string };
  status: Names<CaseStatus>;
  priority: Names<Priority>;
  gender: Names<'female' | 'male' | 'other' | 'unknown'>;
};

export const ENUM_LABELS: Readonly<Record<'en' | 'ru' | 'kk', SharedEnumLabels>> = {
  en: {
    kind: { political_prisoner: 'Political prisoner' },
    status: { active: 'Active', monitoring: 'Monitoring', resolved: 'Resolved', closed: 'Closed' },
    priority: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
    gender: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' },
  },
  ru: {
    kind: { political_prisoner: 'Политический заключённый' },
    status: { active: 'В работе', monitoring: 'Мониторинг', resolved: 'Решено', closed: 'Закрыто' },
    priority: { urgent: 'Срочно', high: 'Высокий', normal: 'Обычный', low: 'Низкий' },
    gender: { female: 'Женский', male: 'Мужской', other: 'Иной', unknown: 'Неизвестно' },
  },
  kk: {
    kind: { political_prisoner: 'Саяси тұтқын' },
    status: { active: 'Жұмыста', monitoring: 'Бақылауда', resolved: 'Шешілді', closed: 'Жабылды' },
    priority: { urgent: 'Шұғыл', high: 'Жоғары', normal: 'Қалыпты', low: 'Төмен' },
    gender: { female: 'Әйел', male: 'Ер', other: 'Өзге', unknown: 'Белгісіз' },
  },
};
