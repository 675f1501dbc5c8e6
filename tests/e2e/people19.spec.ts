import type { Locator } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { caseIdOf, importBundle, readCaseFile } from './helpers';

// People and bodies across cases, in the window: a court written in Cyrillic in one case
// and in Latin letters in another is one row with both spellings; an authority under two
// names is two rows until merged — here by keyboard, in Russian — and then one row with
// both cases; a case opens from an entry's page at the field that names the entry.

const prisoner = (name: string, extra: Record<string, unknown>) => ({ kind: 'political_prisoner', title: `${name} case`, person: { name, aliases: [] }, country: 'KZ', ...extra });
const ngo = (name: string, authority: string) => ({
  kind: 'ngo_suspension',
  title: `${name} suspension`,
  organization: { name, aliases: [] },
  country: 'KZ',
  measure: { type: 'suspension', authority, start: '2021-05', status: 'in_force' },
});

const CASES = [
  prisoner('Kenzhebek Abishev', { arrest: { date: '2022-02-16', by: 'КНБ' }, decisions: [{ stage: 'verdict', date: '2022-09-14', body: 'Алматы қалалық соты', penalty: { type: 'prison', term: { years: 7 } } }] }),
  prisoner('Aigul Sarsenova', { decisions: [{ stage: 'appeal', date: '2023-02-01', body: 'Almaty qalalyq soty', outcome: 'upheld' }] }),
  ngo('Kadir-Kasiet', 'Министерство юстиции'),
  ngo('Erkindik Kanaty', 'Ministry of Justice'),
];

async function importCases(page: Page): Promise<void> {
  await importBundle(page, { name: 'people.casefile.json', buffer: Buffer.from(JSON.stringify({ format: 'casefile-bundle', version: 2, cases: CASES })) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByRole('status')).toContainText(`Cases in the bundle: ${CASES.length}`);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
}

/** The rows of the index's table that hold every one of `texts`. */
function rowWith(table: Locator, ...texts: string[]): Locator {
  let rows = table.getByRole('row');
  for (const text of texts) rows = rows.filter({ hasText: text });
  return rows;
}

/** Moves focus with Tab (or Shift+Tab) until `target` has it; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab', max = 12): Promise<void> {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

/** The focused text box's value and the part of it selected. */
const focusedSelection = (page: Page) =>
  page.locator(':focus').evaluate((el) => {
    const box = el as unknown as { value: string; selectionStart: number | null; selectionEnd: number | null };
    return { value: box.value, selected: box.value.slice(box.selectionStart ?? 0, box.selectionEnd ?? 0) };
  });

test('people and bodies: one court in two scripts, an authority merged by keyboard in Russian, a case opened at the field', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  await importCases(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'People and bodies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People and bodies' })).toBeVisible();
  const table = page.getByRole('table', { name: 'People and bodies' });

  // The court is one row with both spellings and both cases; the two ministries are two rows.
  const court = rowWith(table, 'Алматы қалалық соты', 'Almaty qalalyq soty');
  await expect(court).toHaveCount(1);
  await expect(court.getByRole('cell').last()).toHaveText('2');
  // Court in both: «соты» and the Latin Kazakh «soty» both say so.
  await expect(court.getByRole('cell').nth(2)).toHaveText('Court');
  await expect(rowWith(table, 'Министерство юстиции')).toHaveCount(1);
  await expect(rowWith(table, 'Ministry of Justice')).toHaveCount(1);
  await expect(rowWith(table, 'КНБ')).toContainText('Arresting agency');

  // Recurring only: the court alone is in two cases.
  await page.getByLabel('Recurring only (in 2 or more cases)').check();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(court).toHaveCount(1);
  // Text is matched across scripts: Latin letters find the Cyrillic spelling's entry.
  await page.getByLabel('Recurring only (in 2 or more cases)').uncheck();
  await page.getByLabel('Name', { exact: true }).fill('qalalyq');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Name', { exact: true }).fill('');
  await expect(table.getByRole('row')).toHaveCount(5);

  // The court's page: both spellings, both cases with what the court did in each.
  await court.getByRole('link').click();
  await expect(page).toHaveURL(/#\/people\/.+/);
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(/^(Алматы қалалық соты|Almaty qalalyq soty)$/);
  const spellings = page.getByRole('region', { name: 'Spellings' });
  await expect(spellings.getByRole('checkbox', { name: 'Алматы қалалық соты' })).toBeVisible();
  await expect(spellings.getByRole('checkbox', { name: 'Almaty qalalyq soty' })).toBeVisible();
  await expect(spellings.getByRole('button', { name: 'Split into a separate entry' })).toBeDisabled();
  const cases = page.getByRole('region', { name: 'In 2 cases' });
  await expect(cases.getByRole('heading', { level: 3 })).toHaveText(['Kenzhebek Abishev case', 'Aigul Sarsenova case']);
  await expect(cases.getByRole('listitem').filter({ hasText: 'Kenzhebek Abishev case' }).getByRole('listitem')).toContainText(['Court · 14 September 2022 · Verdict: Prison, 7 years']);

  // Opening a case from the page lands on the field that names the court, its spelling selected.
  await cases.getByRole('link', { name: 'Open “Aigul Sarsenova case” where it is named (Court)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aigul Sarsenova case' })).toBeVisible();
  await expect(page.getByLabel('Court or authority')).toBeFocused();
  expect(await focusedSelection(page)).toEqual({ value: 'Almaty qalalyq soty', selected: 'Almaty qalalyq soty' });
  const sarsenova = await caseIdOf(page);
  // And back from the case to the court's page.
  await page.getByRole('link', { name: 'Other cases of this court or authority' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(Алматы қалалық соты|Almaty qalalyq soty)$/);

  // In Russian, by keyboard: the two ministries chosen with Space, merged under one name with Enter.
  await nav.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('radio', { name: 'Русский' }).check();
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Судьи и органы' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Судьи и органы' })).toBeVisible();
  const ruTable = page.getByRole('table', { name: 'Судьи и органы' });
  await expect(ruTable.getByRole('row')).toHaveCount(5);
  await expect(page.getByLabel('Роль', { exact: true }).getByRole('option')).toContainText(['Все', 'Суд', 'Судья', 'Прокурор', 'Следователь', 'Задержавший орган']);
  const first = ruTable.getByRole('checkbox', { name: 'Выбрать «Министерство юстиции»' });
  const second = ruTable.getByRole('checkbox', { name: 'Выбрать «Ministry of Justice»' });
  const merge = page.getByRole('button', { name: 'Объединить…' });
  await expect(merge).toBeDisabled();
  await first.focus();
  await page.keyboard.press('Space');
  await tabTo(page, second, 'Tab');
  await page.keyboard.press('Space');
  await expect(page.getByText('Выбрано: 2')).toBeVisible();
  await tabTo(page, merge, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Объединить 2 записи' });
  await expect(dialog).toBeVisible();
  const name = dialog.getByLabel('Как называть запись');
  await expect(name).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Министерство юстиции Республики Казахстан');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Записи объединены в «Министерство юстиции Республики Казахстан».')).toBeVisible();

  // One row now, with both spellings and both cases, marked as matched by hand.
  const merged = rowWith(ruTable, 'Министерство юстиции Республики Казахстан');
  await expect(ruTable.getByRole('row')).toHaveCount(4);
  await expect(rowWith(ruTable, 'Ministry of Justice')).toHaveCount(1);
  await expect(merged).toContainText('Ministry of Justice');
  await expect(merged).toContainText('Сопоставлено вручную');
  await expect(merged.getByRole('cell').last()).toHaveText('2');

  // Its page lists both suspensions; one opens at the measure's authority.
  await merged.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Министерство юстиции Республики Казахстан' })).toBeVisible();
  const ruCases = page.getByRole('region', { name: 'В 2 делах' });
  await expect(ruCases.getByRole('heading', { level: 3 })).toHaveText(['Erkindik Kanaty suspension', 'Kadir-Kasiet suspension']);
  await ruCases.getByRole('link', { name: 'Открыть дело «Kadir-Kasiet suspension» в месте упоминания (Орган)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kadir-Kasiet suspension' })).toBeVisible();
  expect(await focusedSelection(page)).toEqual({ value: 'Министерство юстиции', selected: 'Министерство юстиции' });

  // Nothing of this touched the cases themselves: the merge lives in the index's own file.
  expect((await readCaseFile(dataDir, sarsenova)).decisions[0].body).toBe('Almaty qalalyq soty');
});

test('the view follows cases imported while it is open, and a spelling is split off by hand in Kazakh', async ({ page }) => {
  test.setTimeout(120_000);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People and bodies' }).click();
  await expect(page.getByText(/^No case names a court, judge, agency or other body yet/)).toBeVisible();
  // Imported from the header while the view is open: the saves' events refresh it, no navigation needed.
  await importCases(page);
  await expect(page).toHaveURL(/#\/people$/);
  const court = rowWith(page.getByRole('table', { name: 'People and bodies' }), 'Алматы қалалық соты', 'Almaty qalalyq soty');
  await expect(court).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('radio', { name: 'Қазақша' }).check();
  const nav = page.getByRole('navigation', { name: 'Негізгі мәзір' });
  await nav.getByRole('link', { name: 'Судьялар мен органдар' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Судьялар мен органдар' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Судьялар мен органдар' });
  await rowWith(table, 'Алматы қалалық соты', 'Almaty qalalyq soty').getByRole('link').click();
  await expect(page.getByRole('region', { name: '2 істе' })).toBeVisible();

  // One spelling chosen, split into an entry of its own; the page left keeps the other and its one case.
  const spellings = page.getByRole('region', { name: 'Жазылулары' });
  const split = spellings.getByRole('button', { name: 'Жеке жазбаға бөлу' });
  await expect(split).toBeDisabled();
  await spellings.getByRole('checkbox', { name: 'Almaty qalalyq soty' }).check();
  await split.click();
  await expect(page.getByText('«Almaty qalalyq soty» енді «Алматы қалалық соты» жазбасынан бөлек жеке жазба.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Алматы қалалық соты' })).toBeVisible();
  await expect(page.getByRole('region', { name: '1 істе' }).getByRole('heading', { level: 3 })).toHaveText(['Kenzhebek Abishev case']);
  await expect(spellings.getByRole('checkbox')).toHaveCount(0);

  // The toast opens the new entry; the list has two rows for the two spellings now.
  await page.getByRole('button', { name: 'Ашу', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Almaty qalalyq soty' })).toBeVisible();
  await expect(page.getByRole('region', { name: '1 істе' }).getByRole('heading', { level: 3 })).toHaveText(['Aigul Sarsenova case']);
  await page.getByRole('link', { name: '← Барлық судьялар мен органдар' }).click();
  await expect(rowWith(table, 'Алматы қалалық соты', 'Almaty qalalyq soty')).toHaveCount(0);
  await expect(rowWith(table, 'Алматы қалалық соты')).toContainText('Қолмен салыстырылған');
  await expect(rowWith(table, 'Almaty qalalyq soty')).toHaveCount(1);
});
