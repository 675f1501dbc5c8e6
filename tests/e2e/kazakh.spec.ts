import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { caseIdOf, importBundle, readCaseFile, SAMPLE_BUNDLE } from './helpers';

// The Kazakh interface: chosen in Settings, it relabels the navigation, the case list,
// the case view and the validation messages, sets <html lang="kk">, formats dates in
// Kazakh and lasts over a reload. The screenshots (test-results/screenshots/*-kk-*.png)
// are for a human to check that no Kazakh label overflows or is cut off.

const shots = path.join('test-results', 'screenshots');
const NAME = 'Серікұлы Айбек';
// Kazakh month names from the project's own table ("22 қараша 2026 ж."), never ICU's
// bare "2026 M11 22" nor the numeric 22.11.2026 the interface once fell back to.
const KAZAKH_DATE = /\d{1,2} (қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан) \d{4} ж\./;

async function shot(page: Page, name: string, testInfo: { project: { name: string }; attach: (n: string, o: { path: string; contentType: string }) => Promise<void> }) {
  const file = path.join(shots, `${testInfo.project.name}-kk-${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(`kk-${name}`, { path: file, contentType: 'image/png' });
}

test('switching to Kazakh relabels the app, lasts over a reload and formats dates in Kazakh', async ({ page, dataDir }, testInfo) => {
  test.setTimeout(90_000);
  // Some cases to look at, imported through the English UI.
  await importBundle(page, SAMPLE_BUNDLE);
  const importDialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(importDialog.getByText('Import finished. Cases in the bundle: 3')).toBeVisible();
  await importDialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Қазақша' }).check();

  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Істер' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Себет' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Баптаулар' })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Жаңа іс' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Баптаулар' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByText(/Күндер былай көрсетіледі: /)).toHaveText(KAZAKH_DATE);
  await expect(page.getByText(/Күндер былай көрсетіледі: /)).not.toHaveText(/M\d/);
  await shot(page, 'settings', testInfo);

  // A validation message in the New case dialog.
  await header.getByRole('button', { name: 'Жаңа іс' }).click();
  const dialog = page.getByRole('dialog', { name: 'Жаңа іс' });
  await dialog.getByRole('radio', { name: /Саяси тұтқын/ }).check();
  await dialog.getByRole('button', { name: 'Іс құру' }).click();
  await expect(dialog.getByText('* белгісі бар міндетті өрістерді толтырып')).toBeVisible();
  await shot(page, 'new-case-dialog', testInfo);

  // Create a case through the Kazakh UI.
  await dialog.getByLabel('Атауы').fill(`${NAME} — сынақ`);
  await dialog.getByLabel('Тұлғаның аты-жөні').fill(NAME);
  await dialog.getByRole('button', { name: 'Іс құру' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${NAME} — сынақ`);
  const id = await caseIdOf(page);
  await expect(page.locator('.save-status')).toHaveText('Сақталды');

  // The case view's section titles.
  for (const name of ['Негізгі мәліметтер', 'Тұлға', 'Қамау және жаза', 'Айыптар', 'Мәртебені тану', 'Талдау', 'Хронология', 'Құқық қорғау іс-әрекеттері', 'Дереккөздер']) {
    await expect(page.getByRole('region', { name, exact: true })).toBeAttached();
  }
  await expect(page.getByRole('region', { name: 'Тұлға', exact: true }).getByLabel('Тұлғаның аты-жөні')).toHaveValue(NAME);

  // A Kazakh validation message; a valid partial date is saved.
  const detention = page.getByRole('region', { name: 'Қамау және жаза', exact: true });
  await detention.getByLabel('Қашаннан бері').fill('2019-02-30');
  await expect(page.getByText('Мұндай күн жоқ: күн мен айды тексеріңіз')).toBeVisible();
  await expect(page.getByRole('button', { name: /Сақталмаған өрістер: 1/ })).toBeVisible();
  await detention.getByLabel('Қашаннан бері').fill('2019-02');
  await expect.poll(async () => (await readCaseFile(dataDir, id)).detention.since).toBe('2019-02');
  await expect(page.locator('.save-status')).toHaveText('Сақталды');

  // The choice lasts over a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.locator('.save-status')).toHaveText('Сақталды');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${NAME} — сынақ`);

  // The list: Kazakh headers, kinds and dates.
  await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: 'Істер' }).click();
  const grid = page.getByRole('grid', { name: 'Істер' });
  await expect(grid.getByRole('row')).toHaveCount(5); // header + 3 imported + 1 created
  for (const name of ['Аты', 'Түрі', 'Күйі', 'Басымдық', 'Өңір', 'Қамау / шара', 'Күндер саны', 'Өзгертілді']) {
    await expect(grid.getByRole('columnheader', { name, exact: true })).toBeVisible();
  }
  const row = grid.getByRole('row', { name: new RegExp(NAME) });
  await expect(row).toContainText('Тұтқын');
  await expect(row.locator('time').first()).toHaveText(KAZAKH_DATE);
  await expect(row.locator('time').first()).not.toHaveText(/M\d|\d{2}\.\d{2}\.\d{4}/);
  await expect(page.getByText('4 іс ішінен 4 көрсетілген')).toBeVisible();
  await shot(page, 'list', testInfo);

  // The imported prisoner's case, at window size and with every section shown.
  await grid.getByRole('row', { name: /Aibek Serikuly/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Aibek Serikuly — 'false information' case" })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Бөлімдер' })).toBeVisible();
  await shot(page, 'case', testInfo);
  // As tall as the page, however many sections the case view has.
  // .app-main is the scroller below the app's header.
  const tall = await page.evaluate<number>("(() => { const m = document.querySelector('.app-main'); return Math.ceil(m.getBoundingClientRect().top + m.scrollHeight + 40); })()");
  await page.setViewportSize({ width: 1360, height: Math.max(4600, tall) });
  await expect(page.getByRole('region', { name: 'Дереккөздер', exact: true })).toBeInViewport();
  await shot(page, 'case-full', testInfo);
  await page.setViewportSize({ width: 1360, height: 860 });

  // The brief dialog (its longest labels).
  await page.getByRole('button', { name: 'Анықтама…' }).click();
  const brief = page.getByRole('dialog', { name: 'Құжат жасау' });
  await expect(brief.getByRole('radio', { name: /Жария — сыртқа жіберу үшін/ })).toBeVisible();
  await shot(page, 'brief-dialog', testInfo);
  await page.keyboard.press('Escape');
  await expect(brief).toBeHidden();

  // The NGO's case.
  await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: 'Істер' }).click();
  await grid.getByRole('row', { name: /Sample Rights Bureau/ }).click();
  await expect(page.getByRole('region', { name: 'Шара', exact: true })).toBeAttached();
  await page.setViewportSize({ width: 1360, height: 3000 });
  await shot(page, 'ngo-case', testInfo);
  await page.setViewportSize({ width: 1360, height: 860 });

  expect((await readCaseFile(dataDir, id)).person.name).toBe(NAME);

  // And back to English.
  await page.getByRole('link', { name: 'Баптаулар' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cases' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
