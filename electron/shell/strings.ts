import type { ShellLanguage } from '../../shared/shellCommands';

// What the desktop shell itself says — its menu and native dialogs — in the
// interface's languages. The renderer's texts live in its i18next files; these few
// are the main process's own. The compiler keeps the three in step.

const en = {
  file: '&File',
  newCase: 'New Case',
  importBundle: 'Import Bundle…',
  exportBundle: 'Export Bundle…',
  settings: 'Settings…',
  lock: 'Lock',
  view: '&View',
  help: '&Help',
  about: 'About Casefile',
  openLinkQuestion: 'Open this link in your web browser?',
  openLink: 'Open in browser',
  cancel: 'Cancel',
  unsavedQuestion: 'Some changes are not saved yet.',
  unsavedDetail: 'Stay to let Casefile save them, or leave and lose them.',
  stayAndSave: 'Stay and save',
  leaveWithoutSaving: 'Leave without saving',
  cannotOpenFolder: 'Casefile cannot open its data folder',
  saveBrief: 'Save the brief',
  saveBundle: 'Save the bundle',
  pdfFiles: 'PDF documents',
  wordFiles: 'Word documents',
  briefZipFiles: 'ZIP archives (brief with its original files)',
  bundleFiles: 'Casefile bundles',
  sealedBundleFiles: 'Sealed Casefile bundles',
  bundleZipFiles: 'Casefile bundles with original files',
  chooseBackupFolder: 'Choose where to copy the backup',
  saveOriginal: 'Save the original',
  saveTable: 'Save the list of cases',
  excelFiles: 'Excel workbooks',
  csvFiles: 'CSV tables',
};

export type ShellStrings = typeof en;

const ru: ShellStrings = {
  file: '&Файл',
  newCase: 'Новое дело',
  importBundle: 'Импорт пакета…',
  exportBundle: 'Экспорт пакета…',
  settings: 'Настройки…',
  lock: 'Заблокировать',
  view: '&Вид',
  help: '&Справка',
  about: 'О программе Casefile',
  openLinkQuestion: 'Открыть эту ссылку в браузере?',
  openLink: 'Открыть в браузере',
  cancel: 'Отмена',
  unsavedQuestion: 'Некоторые изменения ещё не сохранены.',
  unsavedDetail: 'Останьтесь, чтобы Casefile их сохранил, или уйдите и потеряйте их.',
  stayAndSave: 'Остаться и сохранить',
  leaveWithoutSaving: 'Уйти без сохранения',
  cannotOpenFolder: 'Casefile не может открыть папку с данными',
  saveBrief: 'Сохранить справку',
  saveBundle: 'Сохранить пакет',
  pdfFiles: 'Документы PDF',
  wordFiles: 'Документы Word',
  briefZipFiles: 'Архивы ZIP (документ с исходными файлами)',
  bundleFiles: 'Пакеты Casefile',
  sealedBundleFiles: 'Запечатанные пакеты Casefile',
  bundleZipFiles: 'Пакеты Casefile с исходными файлами',
  chooseBackupFolder: 'Куда скопировать резервную копию',
  saveOriginal: 'Сохранить оригинал',
  saveTable: 'Сохранить список дел',
  excelFiles: 'Книги Excel',
  csvFiles: 'Таблицы CSV',
};

const kk: ShellStrings = {
  file: '&Файл',
  newCase: 'Жаңа іс',
  importBundle: 'Буманы импорттау…',
  exportBundle: 'Буманы экспорттау…',
  settings: 'Баптаулар…',
  lock: 'Құлыптау',
  view: '&Көрініс',
  help: '&Анықтама',
  about: 'Casefile туралы',
  openLinkQuestion: 'Бұл сілтемені браузерде ашу керек пе?',
  openLink: 'Браузерде ашу',
  cancel: 'Бас тарту',
  unsavedQuestion: 'Кейбір өзгерістер әлі сақталмаған.',
  unsavedDetail: 'Casefile оларды сақтауы үшін қалыңыз, немесе шығып, оларды жоғалтыңыз.',
  stayAndSave: 'Қалып, сақтау',
  leaveWithoutSaving: 'Сақтамай шығу',
  cannotOpenFolder: 'Casefile деректер қалтасын аша алмайды',
  saveBrief: 'Анықтаманы сақтау',
  saveBundle: 'Буманы сақтау',
  pdfFiles: 'PDF құжаттары',
  wordFiles: 'Word құжаттары',
  briefZipFiles: 'ZIP мұрағаттары (түпнұсқа файлдары бар құжат)',
  bundleFiles: 'Casefile бумалары',
  sealedBundleFiles: 'Мөрленген Casefile бумалары',
  bundleZipFiles: 'Түпнұсқа файлдары бар Casefile бумалары',
  chooseBackupFolder: 'Сақтық көшірмені қайда көшіру керектігін таңдаңыз',
  saveOriginal: 'Түпнұсқаны сақтау',
  saveTable: 'Істер тізімін сақтау',
  excelFiles: 'Excel кітаптары',
  csvFiles: 'CSV кестелері',
};

export const SHELL_STRINGS: Record<ShellLanguage, ShellStrings> = { en, ru, kk };

/** The shell's language before the page says which it shows: the system's, where it is one of ours. */
export function languageFromLocale(locale: string): ShellLanguage {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return base === 'ru' || base === 'kk' ? base : 'en';
}
