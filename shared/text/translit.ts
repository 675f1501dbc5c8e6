// Letter tables for the search normaliser (normalize.ts). Pure data: no node:, no DOM.
//
// One Latin form for Kazakh and Russian Cyrillic (plus the few Ukrainian, Kyrgyz,
// Uzbek and Tajik letters that turn up in Central Asian names). The Kazakh letters
// fold onto their nearest Russian sound because the same person is written both
// ways ("Тоқаев" / "Токаев"), so Қ and К must meet.

/** Lowercase Cyrillic letter → Latin. Й and Ё are here, not left to NFKD, because
 *  NFKD would turn them into И + breve and Е + diaeresis and lose the sound. */
export const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i',
  й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
  // Kazakh
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
  // Ukrainian, Belarusian
  є: 'ye', ї: 'yi', ґ: 'g', ў: 'u',
  // Kyrgyz, Uzbek, Tajik (ң ө ү above)
  ҳ: 'h', ҷ: 'dzh', ӣ: 'i', ӯ: 'u', ҝ: 'g',
};

/** Latin letters that NFKD leaves alone or would strip to the wrong sound:
 *  "Ş" is Ш in Kazakh and Turkish Latin, not S; "ı" is Ы. */
export const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  č: 'ch', ç: 'ch', š: 'sh', ş: 'sh', ž: 'zh', ß: 'ss', æ: 'ae', œ: 'oe',
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'y', ə: 'a',
};

/** One letter per Cyrillic letter for the acronym key: КМБПЧ → kmbpc, so that a
 *  Latin acronym written with either "Ch" or "C" meets it. */
export const CYRILLIC_ACRONYM: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(CYRILLIC_TO_LATIN).map(([k, v]) => [k, v.charAt(0)])),
  х: 'k', // Х is written "Kh" in acronyms far more often than "H"
  ц: 't',
};
