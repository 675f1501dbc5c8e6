import { expect, test } from './fixtures';
import { caseIdOf, readCaseFile } from './helpers';

const NAME = 'Қасым-Жомарт Тоқаев';

test('switching to Russian changes the labels; a Kazakh name shows exactly', async ({ page, dataDir }, testInfo) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Русский' }).check();

  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Дела' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Корзина' })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Новое дело' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  // Create a case through the Russian UI.
  await header.getByRole('button', { name: 'Новое дело' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое дело' });
  await dialog.getByRole('radio', { name: /Политический заключённый/ }).check();
  await dialog.getByLabel('Название').fill(`${NAME} — тест`);
  await dialog.getByLabel('Имя человека').fill(NAME);
  await dialog.getByRole('button', { name: 'Создать дело' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${NAME} — тест`);
  await expect(page.locator('.case-name')).toHaveText(NAME);
  await expect(page.getByRole('region', { name: 'Лицо' }).getByLabel('Имя человека')).toHaveValue(NAME);
  const id = await caseIdOf(page);
  await expect(page.locator('.save-status')).toHaveText('Сохранено');
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-case-ru.png` });

  // Russian validation messages.
  await page.getByRole('region', { name: 'Заключение и приговор' }).getByLabel('С какого времени').fill('2019-02-30');
  await expect(page.getByText('Такой даты нет: проверьте день и месяц')).toBeVisible();
  await page.getByRole('region', { name: 'Заключение и приговор' }).getByLabel('С какого времени').fill('2019-02');
  await expect.poll(async () => (await readCaseFile(dataDir, id)).detention.since).toBe('2019-02');

  // The choice lasts over a reload; the list's labels and dates are Russian.
  await page.reload();
  await expect(page.locator('.save-status')).toHaveText('Сохранено');
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Дела' }).click();
  const grid = page.getByRole('grid', { name: 'Дела' });
  await expect(grid.getByRole('columnheader', { name: 'Имя' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Дней прошло' })).toBeVisible();
  const row = grid.getByRole('row', { name: new RegExp(NAME) });
  await expect(row.locator('.row-name')).toHaveText(NAME);
  await expect(row).toContainText('Заключённый');
  await expect(row.locator('time')).toHaveText(/[а-я]/); // a Russian month name

  expect((await readCaseFile(dataDir, id)).person.name).toBe(NAME);

  // And back to English.
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cases' })).toBeVisible();
});
