import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import type enSources from './locales/en.sources.json';
import type enBriefs from './locales/en.briefs.json';
import type enSearch from './locales/en.search.json';
import type enAgenda from './locales/en.agenda.json';
import type enVault from './locales/en.vault.json';
import type enBackups from './locales/en.backups.json';
import type enHistory from './locales/en.history.json';
import type enErrors from './locales/en.errors.json';
import type enSession from './locales/en.session.json';
import type enDates from './locales/en.dates.json';
import type enParts from './locales/en.parts.json';
import type enPrisoner from './locales/en.prisoner.json';
import type enCaseList from './locales/en.caseList.json';
import type enOrg from './locales/en.org.json';
import type enBriefs14 from './locales/en.briefs14.json';
import type enLayout15 from './locales/en.layout15.json';
import type enToasts15 from './locales/en.toasts15.json';
import type enDaysStop from './locales/en.daysStop.json';
import type enSnapshotsDay from './locales/en.snapshotsDay.json';
import type enKeyboardAnnotate from './locales/en.keyboardAnnotate.json';
import type enLanding from './locales/en.landing.json';
import type enChips from './locales/en.chips.json';
import type enEvents16 from './locales/en.events16.json';
import type enBriefOriginals from './locales/en.briefOriginals.json';
import type enCustody from './locales/en.custody.json';
import type enOriginal from './locales/en.original.json';
import type enPurge from './locales/en.purge.json';
import { withSharedEnumLabels } from './sharedLabels';
import type enTables from './locales/en.tables.json';
import type enSealed from './locales/en.sealed.json';
import type enConflicts from './locales/en.conflicts.json';
import type enTeam from './locales/en.team.json';
import type enHistoryDevice from './locales/en.historyDevice.json';
import type enLive from './locales/en.live.json';
import type enStatistics from './locales/en.statistics.json';
import type enBriefCharts from './locales/en.briefCharts.json';
import type enCalendar from './locales/en.calendar.json';
import type enExportFiles from './locales/en.exportFiles.json';
import type enPeople from './locales/en.people.json';
import type enOpenProgress from './locales/en.openProgress.json';

// Every locale file in ./locales is picked up here: `<lang>.json`, plus optional
// parts `<lang>.<feature>.json` that a feature keeps to itself (their top-level keys
// must not collide). Adding Kazakh is kk.json (and its parts) with the same keys,
// plus one entry in LANGUAGES (the settings menu lists those).
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json', { eager: true });

/** The English texts, the reference every other language must match key for key. */
type Texts = typeof en &
  typeof enSources &
  typeof enBriefs &
  typeof enSearch &
  typeof enAgenda &
  typeof enVault &
  typeof enBackups &
  typeof enHistory &
  typeof enErrors &
  typeof enSession &
  typeof enDates &
  typeof enParts &
  typeof enPrisoner &
  typeof enCaseList &
  typeof enOrg &
  typeof enBriefs14 &
  typeof enLayout15 &
  typeof enToasts15 &
  typeof enDaysStop &
  typeof enSnapshotsDay &
  typeof enKeyboardAnnotate &
  typeof enLanding &
  typeof enChips &
  typeof enEvents16 &
  typeof enBriefOriginals &
  typeof enCustody &
  typeof enOriginal &
  typeof enPurge &
  typeof enTables &
  typeof enSealed &
  typeof enConflicts &
  typeof enTeam &
  typeof enHistoryDevice &
  typeof enLive &
  typeof enStatistics &
  typeof enBriefCharts &
  typeof enCalendar &
  typeof enExportFiles &
  typeof enPeople &
  typeof enOpenProgress;

const resources: Record<string, { translation: Record<string, unknown> }> = {};
for (const [file, mod] of Object.entries(files)) {
  const lang = file.replace(/^.*\/([^/.]+)(?:\.[^/]+)?\.json$/, '$1');
  const entry = (resources[lang] ??= { translation: {} });
  Object.assign(entry.translation, mod.default);
}
for (const [lang, entry] of Object.entries(resources)) entry.translation = withSharedEnumLabels(lang, entry.translation);

/** The languages the settings menu offers, each named in its own language. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Русский' },
  { code: 'kk', name: 'Қазақша' },
] as const satisfies readonly { code: string; name: string }[];

export type LanguageCode = string;

const STORAGE_KEY = 'casefile.language';

function initialLanguage(): string {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be unavailable; fall back to the default
  }
  if (stored && stored in resources) return stored;
  return 'en';
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Texts };
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes every string it renders
  returnNull: false,
});

/** The page's language, told to the desktop shell too (its menu and dialogs follow it). */
function showLanguage(code: string): void {
  document.documentElement.lang = code;
  void window.casefileShell?.setLanguage(code);
}

showLanguage(i18n.language);

export function setLanguage(code: string): void {
  if (!(code in resources)) return;
  void i18n.changeLanguage(code);
  showLanguage(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not fatal: the choice lasts for this session
  }
}
