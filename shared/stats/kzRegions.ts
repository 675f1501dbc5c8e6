import { normalizeText } from '../text/normalize';

// Kazakhstan's regions as the statistics count them. The map (assets/geo/kz-regions.geojson)
// draws the 2012-era borders: 14 oblasts and the cities of Almaty and Astana. Shymkent (a city
// of republican status since 2018), and the Abai, Jetisu and Ulytau regions (2022) are not drawn:
// each is counted in the region it was carved from (`carvedFrom`), and the view says so.
// A case's region is free text ("Zhanaozen", "Алматинская область", "Семей"); it is matched
// through the search normaliser, so every script and spelling meets, against each region's
// names and its larger towns.

export type KzRegion = {
  id: string;
  /** The name in each interface language. */
  name: { en: string; ru: string; kk: string };
  /** Other spellings and the towns that lie in it, in any script. */
  aliases: readonly string[];
  /** The drawn region a region formed after 2012 was carved from. */
  carvedFrom?: string;
};

export const KZ_REGIONS: readonly KzRegion[] = [
  { id: 'akmola', name: { en: 'Akmola Region', ru: 'Акмолинская область', kk: 'Ақмола облысы' }, aliases: ['Aqmola', 'Akmola oblast', 'Kokshetau', 'Көкшетау', 'Кокшетау', 'Stepnogorsk', 'Степногорск', 'Kosshy', 'Қосшы'] },
  { id: 'aktobe', name: { en: 'Aktobe Region', ru: 'Актюбинская область', kk: 'Ақтөбе облысы' }, aliases: ['Aktobe', 'Aqtöbe', 'Ақтөбе', 'Актобе', 'Aktyubinsk', 'Актюбинск', 'Актобе облысы'] },
  { id: 'almaty_region', name: { en: 'Almaty Region', ru: 'Алматинская область', kk: 'Алматы облысы' }, aliases: ['Almaty oblast', 'Almaty Province', 'Konaev', 'Qonaev', 'Қонаев', 'Конаев', 'Kapchagay', 'Капчагай', 'Talgar', 'Талгар', 'Esik', 'Есик', 'Kaskelen', 'Каскелен'] },
  { id: 'almaty', name: { en: 'Almaty', ru: 'Алматы', kk: 'Алматы' }, aliases: ['Almaty city', 'Alma-Ata', 'Алма-Ата', 'город Алматы', 'г. Алматы', 'Алматы қаласы'] },
  { id: 'astana', name: { en: 'Astana', ru: 'Астана', kk: 'Астана' }, aliases: ['Nur-Sultan', 'Нур-Султан', 'Нұр-Сұлтан', 'Astana city', 'город Астана', 'г. Астана', 'Астана қаласы'] },
  { id: 'atyrau', name: { en: 'Atyrau Region', ru: 'Атырауская область', kk: 'Атырау облысы' }, aliases: ['Atyrau', 'Атырау', "Gur'yev", 'Гурьев', 'Kulsary', 'Кульсары', 'Құлсары'] },
  { id: 'west_kazakhstan', name: { en: 'West Kazakhstan Region', ru: 'Западно-Казахстанская область', kk: 'Батыс Қазақстан облысы' }, aliases: ['West Kazakhstan', 'ЗКО', 'Oral', 'Орал', 'Uralsk', 'Уральск', 'Aksai', 'Аксай', 'Ақсай'] },
  { id: 'mangystau', name: { en: 'Mangystau Region', ru: 'Мангистауская область', kk: 'Маңғыстау облысы' }, aliases: ['Mangystau', 'Mangghystau', 'Mangistau', 'Мангистау', 'Мангыстау', 'Aktau', 'Ақтау', 'Актау', 'Zhanaozen', 'Janaozen', 'Жанаозен', 'Жаңаөзен'] },
  { id: 'turkistan', name: { en: 'Turkistan Region', ru: 'Туркестанская область', kk: 'Түркістан облысы' }, aliases: ['South Kazakhstan', 'Южно-Казахстанская область', 'ЮКО', 'Оңтүстік Қазақстан облысы', 'Turkistan', 'Turkestan', 'Туркестан', 'Түркістан', 'Kentau', 'Кентау', 'Sairam', 'Сайрам'] },
  { id: 'shymkent', carvedFrom: 'turkistan', name: { en: 'Shymkent', ru: 'Шымкент', kk: 'Шымкент' }, aliases: ['Chimkent', 'Чимкент', 'Shymkent city', 'город Шымкент', 'Шымкент қаласы'] },
  { id: 'pavlodar', name: { en: 'Pavlodar Region', ru: 'Павлодарская область', kk: 'Павлодар облысы' }, aliases: ['Pavlodar', 'Павлодар', 'Ekibastuz', 'Экибастуз', 'Екібастұз', 'Aksu', 'Аксу'] },
  { id: 'karaganda', name: { en: 'Karaganda Region', ru: 'Карагандинская область', kk: 'Қарағанды облысы' }, aliases: ['Karaganda', 'Qaraghandy', 'Karagandy', 'Караганда', 'Қарағанды', 'Temirtau', 'Темиртау', 'Теміртау', 'Balkhash', 'Балхаш', 'Балқаш', 'Saran', 'Сарань'] },
  { id: 'kostanay', name: { en: 'Kostanay Region', ru: 'Костанайская область', kk: 'Қостанай облысы' }, aliases: ['Kostanay', 'Qostanay', 'Kustanay', 'Костанай', 'Қостанай', 'Rudny', 'Рудный', 'Lisakovsk', 'Лисаковск'] },
  { id: 'kyzylorda', name: { en: 'Kyzylorda Region', ru: 'Кызылординская область', kk: 'Қызылорда облысы' }, aliases: ['Kyzylorda', 'Qyzylorda', 'Кызылорда', 'Қызылорда', 'Aralsk', 'Аральск', 'Арал'] },
  { id: 'east_kazakhstan', name: { en: 'East Kazakhstan Region', ru: 'Восточно-Казахстанская область', kk: 'Шығыс Қазақстан облысы' }, aliases: ['East Kazakhstan', 'ВКО', 'Oskemen', 'Өскемен', 'Ust-Kamenogorsk', 'Усть-Каменогорск', 'Ridder', 'Риддер', 'Altai', 'Алтай', 'Zyryanovsk', 'Зыряновск'] },
  { id: 'abai', carvedFrom: 'east_kazakhstan', name: { en: 'Abai Region', ru: 'Абайская область', kk: 'Абай облысы' }, aliases: ['Abai oblast', 'Abay Region', 'Semey', 'Семей', 'Semipalatinsk', 'Семипалатинск', 'Ayagoz', 'Аягоз', 'Аягөз', 'Kurchatov', 'Курчатов'] },
  { id: 'north_kazakhstan', name: { en: 'North Kazakhstan Region', ru: 'Северо-Казахстанская область', kk: 'Солтүстік Қазақстан облысы' }, aliases: ['North Kazakhstan', 'СКО', 'Petropavl', 'Petropavlovsk', 'Петропавл', 'Петропавловск'] },
  { id: 'zhambyl', name: { en: 'Zhambyl Region', ru: 'Жамбылская область', kk: 'Жамбыл облысы' }, aliases: ['Zhambyl', 'Jambyl', 'Жамбыл', 'Dzhambul', 'Джамбул', 'Taraz', 'Тараз', 'Shu', 'Шу', 'Karatau', 'Каратау', 'Қаратау'] },
  { id: 'jetisu', carvedFrom: 'almaty_region', name: { en: 'Jetisu Region', ru: 'Область Жетісу', kk: 'Жетісу облысы' }, aliases: ['Jetisu', 'Zhetisu', 'Zhetysu', 'Жетісу', 'Жетысу', 'Жетысуская область', 'Taldykorgan', 'Талдыкорган', 'Талдықорған', 'Zharkent', 'Жаркент', 'Tekeli', 'Текели'] },
  { id: 'ulytau', carvedFrom: 'karaganda', name: { en: 'Ulytau Region', ru: 'Улытауская область', kk: 'Ұлытау облысы' }, aliases: ['Ulytau', 'Улытау', 'Ұлытау', 'Zhezkazgan', 'Жезказган', 'Жезқазған', 'Satpayev', 'Сатпаев', 'Сәтбаев'] },
];

/** The region a drawn map shape stands for: a region formed after 2012 is drawn as the one it left. */
export function drawnRegion(id: string): string {
  return KZ_REGIONS.find((r) => r.id === id)?.carvedFrom ?? id;
}

// Words that say what kind of place a name is, not which: "oblast", "облысы", "region", "city".
const REGION_WORDS = new Set(['region', 'oblast', 'province', 'oblisi', 'obl']);
const GENERIC = new Set([...REGION_WORDS, 'city', 'kalasi', 'gorod', 'g']);

type Key = { core: string[]; region: boolean; id: string };

function keyOf(text: string, id = ''): Key {
  const all = normalizeText(text).split(' ').filter(Boolean);
  return { core: all.filter((w) => !GENERIC.has(w)), region: all.some((w) => REGION_WORDS.has(w)), id };
}

// Every name by its distinctive words, longest first, so "West Kazakhstan" wins over a one-word town.
const KEYS: Key[] = KZ_REGIONS.flatMap((r) => [r.name.en, r.name.ru, r.name.kk, ...r.aliases].map((n) => keyOf(n, r.id)))
  .filter((k) => k.core.length > 0)
  .sort((a, b) => b.core.length - a.core.length);

function containsRun(hay: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= hay.length; i++) {
    for (let k = 0; k < run.length; k++) if (hay[i + k] !== run[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * The region a case's free-text region names, by its current borders (`abai`, not
 * `east_kazakhstan`), or null when no name in the table occurs in it. The whole name
 * first, where a word such as "oblast" or "облысы" tells the region from its city of the
 * same name ("Almaty" is the city, "Алматы облысы" the region); then the longest name
 * that occurs in it as whole words ("Zhanaozen, Mangystau" → Mangystau).
 */
export function matchKzRegion(text: string): string | null {
  const key = keyOf(text);
  if (key.core.length === 0) return null;
  const whole = key.core.join(' ');
  const same = KEYS.filter((k) => k.core.join(' ') === whole);
  if (same.length > 0) return (same.find((k) => k.region === key.region) ?? same[0]!).id;
  return KEYS.find((k) => containsRun(key.core, k.core))?.id ?? null;
}
