import type { BriefLang } from '../../../shared/model/brief';
import type { TableField, TableMapping } from '../../../shared/tables';

// What NGOs in the region title their columns, in English, Russian and Kazakh, per field.
// The first name in each language is the header an export writes, so a list exported
// in any language maps itself back on import.

type Names = Record<BriefLang, readonly string[]>;

export const HEADERS: Readonly<Record<TableField, Names>> = {
  name: { en: ['Name', 'Full name', 'Person', 'Prisoner', 'Organisation', 'Organization'], ru: ['ФИО', 'Имя', 'Ф.И.О.', 'Фамилия, имя', 'Заключённый', 'Организация', 'Название'], kk: ['Аты-жөні', 'Аты жөні', 'Тегі, аты', 'Ұйым', 'Атауы'] },
  aliases: { en: ['Other spellings', 'Aliases', 'Name in other scripts'], ru: ['Другие написания', 'Иные написания', 'Имя на других языках'], kk: ['Басқа жазылуы', 'Басқа тілдегі аты'] },
  kind: { en: ['Kind', 'Case type'], ru: ['Вид дела', 'Тип дела'], kk: ['Іс түрі'] },
  title: { en: ['Case title', 'Title'], ru: ['Название дела', 'Дело'], kk: ['Іс атауы', 'Іс'] },
  status: { en: ['Case status', 'Status'], ru: ['Статус дела', 'Статус'], kk: ['Іс мәртебесі', 'Мәртебесі'] },
  priority: { en: ['Priority'], ru: ['Приоритет'], kk: ['Басымдық'] },
  country: { en: ['Country'], ru: ['Страна'], kk: ['Ел'] },
  region: { en: ['Region', 'City', 'Oblast'], ru: ['Регион', 'Область', 'Город'], kk: ['Өңір', 'Облыс', 'Қала'] },
  tags: { en: ['Tags', 'Labels'], ru: ['Метки', 'Теги'], kk: ['Белгілер'] },
  summary: { en: ['Summary', 'Description', 'Notes'], ru: ['Описание', 'Краткое описание', 'Суть дела'], kk: ['Сипаттама', 'Қысқаша мазмұны'] },
  born: { en: ['Born', 'Date of birth', 'Year of birth'], ru: ['Дата рождения', 'Год рождения'], kk: ['Туған күні', 'Туған жылы'] },
  gender: { en: ['Gender', 'Sex'], ru: ['Пол'], kk: ['Жынысы'] },
  arrestDate: { en: ['Date of arrest', 'Arrested on', 'Arrest date'], ru: ['Дата задержания', 'Дата ареста', 'Задержан'], kk: ['Ұсталған күні', 'Қамалған күні'] },
  arrestPlace: { en: ['Place of arrest'], ru: ['Место задержания'], kk: ['Ұсталған жері'] },
  arrestedBy: { en: ['Arrested by'], ru: ['Кем задержан', 'Задержавший орган'], kk: ['Ұстаған орган'] },
  detention: { en: ['Detention or measure', 'Detention', 'Measure', 'Restriction'], ru: ['Мера пресечения или ограничение', 'Мера пресечения', 'Содержание', 'Мера'], kk: ['Бұлтартпау шарасы немесе шектеу', 'Бұлтартпау шарасы', 'Шара'] },
  place: { en: ['Place', 'Place of detention', 'Held in'], ru: ['Место', 'Место содержания', 'Учреждение'], kk: ['Орны', 'Ұсталатын орны', 'Мекеме'] },
  since: { en: ['Since', 'Detained since', 'Start'], ru: ['С какого времени', 'Содержится с', 'Начало'], kk: ['Қашаннан бері', 'Басталған күні'] },
  releasedOn: { en: ['Released on', 'Released', 'Ended on'], ru: ['Дата освобождения', 'Освобождён', 'Окончание'], kk: ['Босатылған күні', 'Аяқталған күні'] },
  charges: { en: ['Charges', 'Articles', 'Article', 'Charge'], ru: ['Обвинения', 'Статьи', 'Статья', 'Статья УК'], kk: ['Айыптар', 'Баптар', 'Бап', 'ҚК бабы'] },
  code: { en: ['Legal code', 'Code'], ru: ['Кодекс'], kk: ['Кодекс'] },
  penalty: { en: ['Penalty in force', 'Penalty', 'Sentence'], ru: ['Действующее наказание', 'Наказание', 'Приговор'], kk: ['Күшіндегі жаза', 'Жаза', 'Үкім'] },
  term: { en: ['Term'], ru: ['Срок'], kk: ['Мерзімі'] },
  fine: { en: ['Fine', 'Amount'], ru: ['Штраф', 'Сумма'], kk: ['Айыппұл', 'Сомасы'] },
  decisionDate: { en: ['Date of decision', 'Verdict date'], ru: ['Дата решения', 'Дата приговора'], kk: ['Шешім күні', 'Үкім күні'] },
  court: { en: ['Court'], ru: ['Суд'], kk: ['Сот'] },
  recognitions: { en: ['Recognitions', 'Recognised by'], ru: ['Признания', 'Признан'], kk: ['Танылуы', 'Таныған'] },
  authority: { en: ['Authority', 'Imposed by'], ru: ['Орган', 'Наложивший орган'], kk: ['Орган', 'Шара қолданған орган'] },
  measureStatus: { en: ['Measure status'], ru: ['Статус меры'], kk: ['Шара мәртебесі'] },
  lawyer: { en: ['Lawyer (confidential)', 'Lawyer', 'Defence lawyer'], ru: ['Адвокат (конфиденциально)', 'Адвокат', 'Защитник'], kk: ['Адвокат (құпия)', 'Адвокат', 'Қорғаушы'] },
  contact: { en: ['Contact (confidential)', 'Contact', 'Phone'], ru: ['Контакт (конфиденциально)', 'Контакт', 'Телефон'], kk: ['Байланыс (құпия)', 'Байланыс', 'Телефон'] },
  address: { en: ['Address (confidential)', 'Address'], ru: ['Адрес (конфиденциально)', 'Адрес'], kk: ['Мекенжай (құпия)', 'Мекенжай'] },
  health: { en: ['Health (confidential)', 'Health'], ru: ['Здоровье (конфиденциально)', 'Здоровье', 'Состояние здоровья'], kk: ['Денсаулығы (құпия)', 'Денсаулығы'] },
};

/** Columns an export writes that an import does not read back (they are computed). */
export const COMPUTED_HEADERS: Readonly<Record<'days', Names>> = {
  days: { en: ['Days', 'Days held'], ru: ['Дней', 'Дней под стражей'], kk: ['Күн', 'Күн саны'] },
};

/** A header as compared: case, ё/е, spaces and punctuation do not count. */
export function headerKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_KEY = new Map<string, TableField | null>();
for (const [field, names] of Object.entries(HEADERS) as Array<[TableField, Names]>) {
  for (const lang of ['en', 'ru', 'kk'] as const) for (const n of names[lang]) if (!BY_KEY.has(headerKey(n))) BY_KEY.set(headerKey(n), field);
}
for (const names of Object.values(COMPUTED_HEADERS)) for (const lang of ['en', 'ru', 'kk'] as const) for (const n of names[lang]) BY_KEY.set(headerKey(n), null);

/** The field a header names, if any synonym matches it. */
function fieldForHeader(header: string): TableField | null {
  return BY_KEY.get(headerKey(header)) ?? null;
}

/** A mapping from the headers alone: each column to the field its header names; a field named twice is taken by its first column only. */
export function suggestMapping(headers: readonly string[]): TableMapping {
  const taken = new Set<TableField>();
  const columns = headers.map((column) => {
    const field = fieldForHeader(column);
    if (field === null || taken.has(field)) return { column, field: null };
    taken.add(field);
    return { column, field };
  });
  return { kind: 'political_prisoner', columns };
}

/** The key a saved mapping is filed under: the same headers in the same order, however spelled in case and spacing. */
export function layoutKey(headers: readonly string[]): string {
  return headers.map(headerKey).join('|');
}
