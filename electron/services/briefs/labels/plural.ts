/** The Russian noun form after a number: 1 год, 2 года, 5 лет (21 год, 22 года, 25 лет). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const rule = new Intl.PluralRules('ru-RU').select(n);
  return rule === 'one' ? one : rule === 'few' ? few : many;
}
