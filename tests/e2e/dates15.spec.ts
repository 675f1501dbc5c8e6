import type { Locator } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { importBundle, readCaseFile, section } from './helpers';

// Issue 15: a Kazakh and a Russian interface write dates with month names — never ICU's
// bare "2026 M12" nor the numeric "22.11.2026" the Kazakh interface fell back to. The
// month names are written out here, not taken from the app's table.

const KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const NOT_WORDS = /M\d|\d{2}\.\d{2}\.\d{4}/;

const pad = (n: number) => String(n).padStart(2, '0');
const kkDay = (d: Date) => `${d.getDate()} ${KK[d.getMonth()]} ${d.getFullYear()} ж.`;
const ruDay = (d: Date) => `${d.getDate()} ${RU_GENITIVE[d.getMonth()]} ${d.getFullYear()} г.`;
const clock = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
const kkStamp = (d: Date) => `${kkDay(d)}, ${clock(d)}`;
const ruStamp = (d: Date) => `${ruDay(d)}, ${clock(d)}`;

/** A `<time>` element shows its own `datetime` moment in the expected form (the browser runs in this machine's time zone). */
async function expectTime(time: Locator, written: (d: Date) => string): Promise<void> {
  await expect(time).toHaveAttribute('datetime', /.+/);
  const at = new Date((await time.getAttribute('datetime'))!);
  await expect(time).toHaveText(written(at));
}

async function chooseLanguage(page: Page, settings: string, language: string): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: settings, exact: true }).click();
  await page.getByRole('radio', { name: language }).check();
}

test('Kazakh and Russian interfaces write event dates, month-only deadlines and timestamps with month names', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  const now = new Date();
  const nextMonth = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  const endOfNextMonth = new Date(nextMonth.getFullYear(), nextMonth.getMonth() + 1, 0);
  const bundle = {
    format: 'casefile-bundle',
    version: 1,
    exportedAt: '2026-11-22T10:00:00.000Z',
    cases: [
      {
        kind: 'political_prisoner',
        title: 'Kenzhebek Abishev',
        person: { name: 'Kenzhebek Abishev' },
        events: [{ id: 'e-arrest', date: '2026-11-22', type: 'arrest', title: 'Detained in Almaty' }],
        deadlines: [{ id: 'd-month', date: `${nextMonth.getFullYear()}-${pad(nextMonth.getMonth() + 1)}`, title: 'Report to the donor' }],
      },
    ],
  };
  await importBundle(page, { name: 'dates.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const importDialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(importDialog.getByRole('status')).toContainText('Cases in the bundle: 1');
  await importDialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  // ── Kazakh ──
  await chooseLanguage(page, 'Settings', 'Қазақша');
  const kkMonthStamp = new RegExp(`^Күндер былай көрсетіледі: \\d{1,2} (${KK.join('|')}) \\d{4} ж\\., \\d{2}:\\d{2}$`);
  await expect(page.getByText(/^Күндер былай көрсетіледі: /)).toHaveText(kkMonthStamp);

  // The list's "changed" day.
  await page.getByRole('banner').getByRole('link', { name: 'Істер', exact: true }).click();
  const kkRow = page.getByRole('grid', { name: 'Істер' }).getByRole('row', { name: /Kenzhebek Abishev/ });
  await expectTime(kkRow.locator('time').first(), kkDay);

  // The event's date in the case view, and a date typed in Kazakh written back the same way.
  await kkRow.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kenzhebek Abishev' })).toBeVisible();
  const id = /#\/case\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;
  const kkEventDate = section(page, 'Хронология').getByRole('listitem').filter({ hasText: 'Detained in Almaty' }).getByRole('textbox', { name: 'Күні', exact: true });
  await expect(kkEventDate).toHaveValue('22 қараша 2026 ж.');
  await kkEventDate.fill('6 желтоқсан 2026');
  await kkEventDate.blur();
  await expect.poll(async () => (await readCaseFile(dataDir, id)).events[0].date).toBe('2026-12-06');
  await expect(kkEventDate).toHaveValue('6 желтоқсан 2026 ж.');
  await expect(page.locator('.save-status')).toHaveText('Сақталды');

  // The history's timestamp of that change, in local time.
  const kkHistory = section(page, 'Тарих');
  await expect(kkHistory.locator('time')).toHaveCount(2); // the import, then the edit
  await expectTime(kkHistory.locator('time').first(), kkStamp);
  await expect(kkHistory).not.toContainText(NOT_WORDS);

  // A month-only deadline at its own precision, due by its last day.
  await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: 'Мерзімдер', exact: true }).click();
  const kkDeadline = page.getByRole('table', { name: 'Жақындаған мерзімдер' }).locator('tbody tr').filter({ hasText: 'Report to the donor' });
  await expect(kkDeadline).toContainText(`${KK[nextMonth.getMonth()]} ${nextMonth.getFullYear()} ж.`);
  await expect(kkDeadline).toContainText(kkDay(endOfNextMonth));
  await expect(kkDeadline).not.toContainText(NOT_WORDS);

  // ── Russian ──
  await chooseLanguage(page, 'Баптаулар', 'Русский');
  await expect(page.getByText(/^Даты показываются так: /)).toHaveText(
    new RegExp(`^Даты показываются так: \\d{1,2} (${RU_GENITIVE.join('|')}) \\d{4} г\\., \\d{2}:\\d{2}$`),
  );
  // A snapshot's timestamp in the backups table.
  const backups = page.getByRole('region', { name: 'Резервные копии' });
  await backups.getByRole('button', { name: 'Создать копию сейчас' }).click();
  const manual = backups.getByRole('table', { name: 'Резервные копии' }).getByRole('row').filter({ hasText: 'Создана вами' });
  await expect(manual).toHaveCount(1);
  await expectTime(manual.locator('time'), ruStamp);

  // The event date with the month in the genitive after the day.
  await page.evaluate(`location.hash = '#/case/${id}'`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kenzhebek Abishev' })).toBeVisible();
  const ruEventDate = section(page, 'Хронология').getByRole('listitem').filter({ hasText: 'Detained in Almaty' }).getByRole('textbox', { name: 'Дата', exact: true });
  await expect(ruEventDate).toHaveValue('6 декабря 2026 г.');
  const ruHistory = section(page, 'История');
  await expectTime(ruHistory.locator('time').first(), ruStamp);
  await expect(ruHistory).not.toContainText(NOT_WORDS);

  // The month-only deadline with the month in the nominative, due by a day in the genitive.
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Сроки', exact: true }).click();
  const ruDeadline = page.getByRole('table', { name: 'Ближайшие сроки' }).locator('tbody tr').filter({ hasText: 'Report to the donor' });
  await expect(ruDeadline).toContainText(`${RU_NOMINATIVE[nextMonth.getMonth()]} ${nextMonth.getFullYear()} г.`);
  await expect(ruDeadline).toContainText(ruDay(endOfNextMonth));
  await expect(ruDeadline).not.toContainText(NOT_WORDS);
});
