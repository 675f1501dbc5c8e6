import path from 'node:path';
import { expect, test } from './fixtures';
import { importBundle, SAMPLE_BUNDLE } from './helpers';

// Screenshots of the main views, kept as artifacts (test-results/screenshots/) for a
// human to look at; each is taken only after the view shows the imported data.

const shots = path.join('test-results', 'screenshots');

test('list and case view screenshots', async ({ page }, testInfo) => {
  // The CSP forbids inline <style> and style attributes; nothing may trip it.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await importBundle(page, SAMPLE_BUNDLE);
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByText('Import finished. Cases in the bundle: 3')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  const grid = page.getByRole('grid', { name: 'Cases' });
  await expect(grid.getByRole('row')).toHaveCount(4); // header + 3 cases
  // Every form control carries a <label>.
  // Controls hidden from assistive technology (the native date picker behind the calendar button) are not offered to anyone.
  const unlabelled = "[...document.querySelectorAll('input, select, textarea')].filter((el) => el.labels.length === 0 && el.getAttribute('aria-hidden') !== 'true').map((el) => el.outerHTML)";
  expect(await page.evaluate(unlabelled)).toEqual([]);
  const listShot = path.join(shots, `${testInfo.project.name}-list.png`);
  await page.screenshot({ path: listShot });
  await testInfo.attach('list', { path: listShot, contentType: 'image/png' });

  await grid.getByRole('row', { name: /Aibek Serikuly/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Aibek Serikuly — 'false information' case" })).toBeVisible();
  expect(await page.evaluate(unlabelled)).toEqual([]);
  const caseShot = path.join(shots, `${testInfo.project.name}-case.png`);
  await page.screenshot({ path: caseShot });
  await testInfo.attach('case', { path: caseShot, contentType: 'image/png' });
  const fullShot = path.join(shots, `${testInfo.project.name}-case-full.png`);
  // The case view scrolls inside the window; a window as tall as its content shows every section at once.
  const tall = await page.evaluate<number>("(() => { const m = document.querySelector('.app-main'); return Math.ceil(m.getBoundingClientRect().top + m.scrollHeight + 40); })()");
  await page.setViewportSize({ width: 1360, height: Math.max(4600, tall) });
  await expect(page.getByRole('region', { name: 'Sources', exact: true })).toBeInViewport();
  await page.screenshot({ path: fullShot });
  await page.setViewportSize({ width: 1360, height: 860 });
  await testInfo.attach('case-full', { path: fullShot, contentType: 'image/png' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await grid.getByRole('row', { name: /Sample Rights Bureau/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sample Rights Bureau/ })).toBeVisible();
  const ngoShot = path.join(shots, `${testInfo.project.name}-ngo-case.png`);
  await page.screenshot({ path: ngoShot });
  await testInfo.attach('ngo-case', { path: ngoShot, contentType: 'image/png' });
  expect(violations).toEqual([]);
});

test('dialogs, Trash and settings screenshots', async ({ page }, testInfo) => {
  const shot = async (name: string) => {
    const file = path.join(shots, `${testInfo.project.name}-${name}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
  };
  await page.getByRole('banner').getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByRole('radio', { name: /NGO under a measure/ }).check();
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog.getByText('Fill in the required fields marked *')).toBeVisible();
  await shot('new-case-dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click();
  const bad = { format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases: [{ kind: 'political_prisoner', title: '', person: {}, events: [{ date: '2019-02-30', type: 'arest', title: 'x' }] }] };
  await page.getByLabel('Bundle file').setInputFiles({ name: 'bad.casefile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('The bundle was refused. Nothing was stored.')).toBeVisible();
  await shot('import-refused');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Русский' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  await shot('settings-ru');
  await page.getByRole('banner').getByRole('button', { name: 'О программе' }).click();
  await expect(page.getByRole('dialog', { name: 'О программе Casefile' }).getByText('Папка данных')).toBeVisible();
  await shot('about-ru');
});
