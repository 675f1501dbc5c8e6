import { expect, test, type Page } from './fixtures';
import { importBundle, section } from './helpers';

// Days stop in the list as in the case view: a term that ended and a measure past its
// end date show no running count in the list, and the case view gives the final count.

async function importCases(page: Page, cases: unknown[]): Promise<void> {
  const bundle = { format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases };
  await importBundle(page, { name: 'days.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByRole('status')).toContainText(`Cases in the bundle: ${cases.length}`);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
}

test('a term that ended and a measure past its end stop counting, in the list and in the case', async ({ page }) => {
  await importCases(page, [
    { kind: 'political_prisoner', title: 'Term ended', person: { name: 'Ended Person' }, detention: { status: 'imprisoned', since: '2020-03-01' }, sentence: { type: 'prison', months: 24 } },
    { kind: 'political_prisoner', title: 'Term running', person: { name: 'Running Person' }, detention: { status: 'imprisoned', since: '2020-03-01' }, sentence: { type: 'prison', months: 1200 } },
    { kind: 'ngo_suspension', title: 'Measure past its end', organization: { name: 'Ended Fund' }, measure: { type: 'suspension', authority: 'Ministry of Justice', start: '2024-02-01', end: '2024-08-01', status: 'in_force' } },
  ]);
  const grid = page.getByRole('grid', { name: 'Cases' });
  const days = (name: string) => grid.getByRole('row', { name: new RegExp(name) }).locator('.col-days');
  await expect(days('Ended Person')).toHaveText('over');
  await expect(days('Ended Fund')).toHaveText('over');
  await expect(days('Running Person')).toHaveText(/^[\d,]+$/);

  await grid.getByText('Term ended').click();
  const facts = section(page, 'Detention and sentence').getByRole('group', { name: 'Time served and release' });
  // 2020-03-01 + 24 months = 2022-03-01: 730 days, not the days to today.
  await expect(facts).toContainText('730 days in detention, from');
  await expect(facts).toContainText('The term has ended, so the count stops there.');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await grid.getByText('Measure past its end').click();
  const mf = section(page, 'Measure').getByRole('group', { name: 'Time under the measure and its expiry' });
  await expect(mf).toContainText('182 days under the measure, from');
  await expect(mf).toContainText('The end date has passed, so the count stops there.');
});
