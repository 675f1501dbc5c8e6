import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { createCase, importBundle, readCaseFile, section } from './helpers';

// Dates are made relative to today (local time, as the app counts), so the spec
// means the same on any day it runs.

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
function localDay(offsetDays: number): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
}
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const utcDays = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY;
// The interface writes days as "6 December 2026" in English (day, month name, year).
const enDay = (d: Date) => `${d.getDate()} ${new Intl.DateTimeFormat('en', { month: 'long' }).format(d)} ${d.getFullYear()}`;
const enMonth = (year: number, month: number) => new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1));

async function importCases(page: Page, cases: unknown[]): Promise<void> {
  const bundle = { format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases };
  await importBundle(page, { name: 'agenda.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByRole('status')).toContainText(`Cases in the bundle: ${cases.length}`);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
}

test('the deadlines view lists open items across cases, marks the overdue, and marks a deadline done', async ({ page, dataDir }) => {
  const today = localDay(0);
  const nextMonth = new Date(today.getFullYear(), today.getMonth() + 1, 1);
  const nextMonthPartial = `${nextMonth.getFullYear()}-${pad(nextMonth.getMonth() + 1)}`;
  await importCases(page, [
    {
      kind: 'political_prisoner',
      title: 'Prisoner with a busy agenda',
      person: { name: 'Test Person' },
      deadlines: [
        { id: 'd-late', date: iso(localDay(-3)), title: 'Cassation complaint' },
        { id: 'd-done', date: iso(localDay(-10)), title: 'Already filed', done: true },
        { id: 'd-month', date: nextMonthPartial, title: 'Report to the donor' },
      ],
      events: [
        { id: 'h-past', date: iso(localDay(-5)), type: 'hearing', title: 'Preliminary hearing' },
        { id: 'h-next', date: iso(localDay(6)), type: 'hearing', title: 'Appeal hearing' },
      ],
      advocacy: [
        { id: 'a-open', target: 'UN WGAD', kind: 'communication', status: 'sent', nextFollowUp: iso(localDay(0)) },
        { id: 'a-closed', target: 'OSCE ODIHR', kind: 'letter', status: 'closed', nextFollowUp: iso(localDay(-20)) },
      ],
    },
    { kind: 'ngo_suspension', title: 'NGO with nothing due', organization: { name: 'Quiet Fund' }, measure: { type: 'inspection', authority: 'Ministry' } },
  ]);

  // At start, a notice says something is overdue or due today, and leads to the view.
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'Deadlines need attention' });
  await expect(notice).toContainText('Overdue: 1. Due today: 1.');
  await notice.getByRole('link', { name: 'Show the deadlines' }).click();
  await expect(page).toHaveURL(/#\/deadlines$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Upcoming deadlines' })).toBeVisible();
  await expect(notice).toBeHidden();

  const table = page.getByRole('table', { name: 'Upcoming deadlines' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4); // not the done deadline, the past hearing, nor the closed action's follow-up
  await expect(rows.nth(0)).toContainText('Cassation complaint');
  await expect(rows.nth(0)).toContainText(`Overdue: was due by ${enDay(localDay(-3))}`);
  await expect(rows.nth(0)).toHaveClass(/is-overdue/);
  await expect(rows.nth(1)).toContainText('Follow up with UN WGAD');
  await expect(rows.nth(1)).toContainText('Today');
  await expect(rows.nth(2)).toContainText('Appeal hearing');
  await expect(rows.nth(2)).toContainText('In 6 days');
  await expect(rows.nth(2)).not.toHaveClass(/is-overdue/);
  // A month-only date is shown as the month, and due by its last day.
  const endOfNextMonth = new Date(nextMonth.getFullYear(), nextMonth.getMonth() + 1, 0);
  await expect(rows.nth(3)).toContainText(enMonth(nextMonth.getFullYear(), nextMonth.getMonth() + 1));
  await expect(rows.nth(3)).toContainText(`due by ${enDay(endOfNextMonth)}`);
  await expect(rows.nth(3)).toContainText(`In ${utcDays(endOfNextMonth) - utcDays(today)} days`);
  await expect(table.locator('tr.is-overdue')).toHaveCount(1);
  await expect(page.getByText('Items: 4. Overdue: 1.')).toBeVisible();

  // Mark the overdue deadline done: saved to the case file, gone from the view.
  const ids = (await readdir(path.join(dataDir, 'cases'))).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, ''));
  const caseId = (await Promise.all(ids.map(async (i) => [i, (await readCaseFile(dataDir, i)).title] as const))).find(([, title]) => title === 'Prisoner with a busy agenda')![0];
  const rev = (await readCaseFile(dataDir, caseId)).rev as number;
  await rows.nth(0).getByRole('button', { name: 'Mark “Cassation complaint” done' }).click();
  await expect(page.getByText('“Cassation complaint” is marked done.')).toBeVisible();
  await expect(rows).toHaveCount(3);
  await expect(table.locator('tr.is-overdue')).toHaveCount(0);
  const after = await readCaseFile(dataDir, caseId);
  expect(after.rev).toBe(rev + 1);
  expect(after.deadlines.find((d: { id: string }) => d.id === 'd-late').done).toBe(true);

  // Each row links to its case.
  await rows.nth(0).getByRole('link', { name: 'Prisoner with a busy agenda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prisoner with a busy agenda' })).toBeVisible();
});

test('a deadline known only to this year may be due any day: the notice and the view say so', async ({ page }) => {
  const today = localDay(0);
  const endOfYear = new Date(today.getFullYear(), 11, 31);
  test.skip(utcDays(endOfYear) === utcDays(today), 'on the last day of the year it is simply due today');
  await importCases(page, [
    {
      kind: 'ngo_suspension',
      title: 'NGO with a vague limit',
      organization: { name: 'Vague Fund' },
      measure: { type: 'suspension', authority: 'Ministry of Justice' },
      deadlines: [{ id: 'd-year', date: String(today.getFullYear()), title: 'Appeal against the suspension' }],
    },
  ]);
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'Deadlines need attention' });
  await expect(notice).toContainText('Overdue: 0. Due today: 0.');
  await expect(notice).toContainText('1 may be due now: only the month or year is known, and it has begun.');
  await notice.getByRole('link', { name: 'Show the deadlines' }).click();
  const row = page.getByRole('table', { name: 'Upcoming deadlines' }).locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`May be due any day now — by ${enDay(endOfYear)} at the latest`);
  await expect(row).toHaveClass(/is-today/);
});

test('the deadlines view says when nothing is coming up, and no notice shows', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deadlines' }).click();
  await expect(page.getByText('Nothing coming up: no open deadlines, hearings or follow-ups in any case.')).toBeVisible();
  await expect(page.getByText('Deadlines need attention')).toHaveCount(0);
});

test('the case view counts days in detention honestly and says how the release was computed', async ({ page }) => {
  const today = localDay(0);
  const y = today.getFullYear();
  const verdict = new Date(y, today.getMonth() - 3, 1);
  await importCases(page, [
    {
      kind: 'political_prisoner',
      title: 'Year-only detention',
      person: { name: 'Year Person' },
      detention: { status: 'imprisoned', since: String(y - 3) },
      sentence: { type: 'prison', months: 120 },
    },
    {
      kind: 'political_prisoner',
      title: 'Verdict only',
      person: { name: 'Verdict Person' },
      detention: { status: 'imprisoned' },
      sentence: { type: 'prison', months: 24, verdictDate: iso(verdict) },
    },
    {
      kind: 'ngo_suspension',
      title: 'Suspended NGO',
      organization: { name: 'Suspended Fund' },
      measure: { type: 'suspension', authority: 'Ministry', start: iso(localDay(-30)), durationMonths: 3 },
    },
  ]);
  const grid = page.getByRole('grid', { name: 'Cases' });

  await grid.getByText('Year-only detention').click();
  const facts = section(page, 'Detention and sentence').getByRole('group', { name: 'Time served and release' });
  const days = utcDays(today) - utcDays(new Date(y - 3, 11, 31));
  await expect(facts).toContainText(
    `At least ${days.toLocaleString('en')} days in detention (counted from the end of ${y - 3}: the date is only known to the year).`,
  );
  await expect(facts).toContainText(`Expected release: some time in ${y + 7}, not before ${enDay(new Date(y + 7, 0, 1))} (in at least`);
  await expect(facts).toContainText(`Computed: ${y - 3} plus 10 years.`); // the term in the court's units, not 120 months

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await grid.getByText('Verdict only').click();
  const vf = section(page, 'Detention and sentence').getByRole('group', { name: 'Time served and release' });
  await expect(vf).toContainText('Days in detention: unknown');
  const release = new Date(verdict.getFullYear(), verdict.getMonth() + 24, 1);
  await expect(vf).toContainText(`Expected release: ${enDay(release)} (in ${(utcDays(release) - utcDays(today)).toLocaleString('en')} days).`);
  await expect(vf).toContainText('because the start of detention is not recorded');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await grid.getByText('Suspended NGO').click();
  const mf = section(page, 'Measure').getByRole('group', { name: 'Time under the measure and its expiry' });
  await expect(mf).toContainText(`30 days since the measure began, on ${enDay(localDay(-30))}.`);
  await expect(mf).toContainText('The measure ends:');
  await expect(mf).toContainText('plus 3 months.');

  // Editing the start updates the count at once.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await grid.getByText('Year-only detention').click();
  await section(page, 'Detention and sentence').getByLabel('Since', { exact: true }).fill(iso(localDay(-10)));
  await expect(facts).toContainText(`10 days in detention, since ${enDay(localDay(-10))}.`);
});

test('first run offers the sample cases; they open labelled Sample', async ({ page, dataDir }) => {
  const welcome = page.getByRole('region', { name: 'Welcome to Casefile' });
  await expect(welcome).toBeVisible();
  await welcome.getByRole('button', { name: 'Open the sample cases' }).click();
  await expect(page.getByText('The sample cases are open: 4 cases labelled “Sample”.')).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Cases' });
  await expect(grid.locator('.case-row')).toHaveCount(4);
  for (const row of await grid.locator('.case-row').all()) await expect(row).toContainText('Sample:');
  const files = (await readdir(path.join(dataDir, 'cases'))).filter((n) => n.endsWith('.json'));
  expect(files).toHaveLength(4);
  await page.reload();
  await expect(grid.locator('.case-row')).toHaveCount(4);
  await expect(welcome).toHaveCount(0);
});

test('"Start empty" is remembered on this computer', async ({ page }) => {
  const welcome = page.getByRole('region', { name: 'Welcome to Casefile' });
  await welcome.getByRole('button', { name: 'Start empty' }).click();
  await expect(welcome).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await expect(welcome).toHaveCount(0);
});

test('a case in the Trash means it is not a first run', async ({ page }) => {
  await expect(page.getByRole('region', { name: 'Welcome to Casefile' })).toBeVisible();
  await page.evaluate('localStorage.clear()');
  await createCase(page, { kind: 'prisoner', title: 'To the Trash', name: 'Someone' });
  await page.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Welcome to Casefile' })).toHaveCount(0);
});
