import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { importBundle } from './helpers';

// Issue 18, sealed bundles in the window: an encrypted folder's export asks first and says
// what a plain file would hold (the counts come from a bundle built here, with its
// confidential items known); a bundle sealed with a passphrase holds no plaintext, and the
// Import dialog asks for the passphrase, refuses a wrong one and opens it with the right one.

const PASSPHRASE = 'folder passphrase Қазақ 7';
const SEAL = 'partner passphrase Әділет 2026';
const PERSON = 'Сәуле Жұмабекова';
const ORG = 'Қоғамдық бірлестік Әділет';

// Confidential: the person's contact, the consent, one event and one annotation marked so — four in all; the NGO none.
const bundle = {
  format: 'casefile-bundle',
  version: 2,
  cases: [
    {
      id: 'sealed-e2e-1',
      kind: 'political_prisoner',
      title: `${PERSON} — sealed export`,
      person: { name: PERSON, aliases: [], contact: '+7 701 000 00 00' },
      consent: { status: 'given', by: 'her brother' },
      events: [{ id: 'e1', date: '2026-02-01', type: 'arrest', title: 'Arrested at home', confidential: true }],
      annotations: [{ body: 'seen by the lawyer on 3 February', tags: [], confidential: true }],
    },
    { id: 'sealed-e2e-2', kind: 'ngo_suspension', title: `${ORG} — suspended`, organization: { name: ORG, aliases: [] }, measure: { type: 'suspension', authority: 'Almaty court', status: 'in_force' } },
  ],
};

test('an encrypted folder asks before a plain export, with the counts; a sealed export opens only with its passphrase', async ({ page }) => {
  test.setTimeout(120_000);
  await importBundle(page, { name: 'two.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const importDialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(importDialog.getByText('Import finished. Cases in the bundle: 2')).toBeVisible();
  await importDialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  // Encrypt from Settings.
  await page.getByRole('link', { name: 'Settings' }).click();
  const encryption = page.getByRole('region', { name: 'Encryption' });
  const encryptForm = encryption.getByRole('form', { name: 'Encrypt the data folder' });
  await encryptForm.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await encryptForm.getByLabel('Type the new passphrase again').fill(PASSPHRASE);
  await encryptForm.getByRole('button', { name: 'Encrypt the data folder' }).click();
  await expect(encryption.getByText('This data folder is encrypted with your passphrase.')).toBeVisible({ timeout: 30_000 });

  // Export all: the dialog warns, with the counts, before a plain file.
  await page.getByRole('banner').getByRole('button', { name: 'Export all' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export cases' });
  const warning = exportDialog.getByTestId('plain-export-warning');
  await expect(warning).toContainText('This data folder is encrypted; a plain bundle is not.');
  await expect(warning).toContainText('The file will hold, readable by anyone who gets it: 2 cases');
  await expect(warning).toContainText(`Names: ${PERSON}, ${ORG}`);
  await expect(warning).toContainText('4 confidential items and fields');
  const [plain] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export in clear' }).click()]);
  expect(JSON.parse(await readFile((await plain.path())!, 'utf8')).cases).toHaveLength(2);
  await expect(exportDialog).toBeHidden();

  // Sealed with a passphrase, chosen by keyboard: no warning, and no plaintext in the file.
  await page.getByRole('banner').getByRole('button', { name: 'Export all' }).click();
  await expect(warning).toBeVisible();
  await exportDialog.getByRole('radio', { name: /Sealed with a passphrase/ }).check();
  await expect(warning).toBeHidden();
  await exportDialog.getByLabel('Passphrase', { exact: true }).fill(SEAL);
  await exportDialog.getByLabel('Passphrase again').fill(`${SEAL}!`);
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog.getByText('The two passphrases differ.')).toBeVisible();
  await exportDialog.getByLabel('Passphrase again').fill(SEAL);
  const [sealed] = await Promise.all([page.waitForEvent('download'), exportDialog.getByLabel('Passphrase again').press('Tab').then(() => page.keyboard.press('Enter'))]);
  expect(sealed.suggestedFilename()).toMatch(/^casefile-export-\d{4}-\d{2}-\d{2}\.casefile\.json\.age$/);
  const bytes = await readFile((await sealed.path())!);
  expect(bytes.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
  for (const clear of [PERSON, ORG, 'casefile-bundle', 'sealed-e2e-1']) expect(bytes.includes(Buffer.from(clear))).toBe(false);

  // Import it back: the dialog asks for the passphrase, refuses a wrong one, opens with the right one.
  await importBundle(page, { name: sealed.suggestedFilename(), buffer: bytes }, /Keep both/);
  await expect(importDialog.getByRole('alert')).toContainText('This bundle is sealed with a passphrase.');
  const pass = importDialog.getByLabel('Passphrase of the sealed bundle');
  await pass.fill('not the passphrase');
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog.getByRole('alert')).toContainText('This passphrase does not open the bundle.', { timeout: 30_000 });
  await pass.fill(SEAL);
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog.getByText('Import finished. Cases in the bundle: 2')).toBeVisible({ timeout: 30_000 });
});

test('Settings → Sharing keys: a plain folder is told to encrypt first; partners are added by name and removed', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const keys = page.getByRole('region', { name: 'Sharing keys' });
  await expect(keys).toContainText('Encrypt the data folder first');
  await keys.getByLabel('Partner’s name').fill('Правозащитный центр');
  await keys.getByLabel('Partner’s public key (age1…)').fill('age1r3lvv7sstf4vpc4u7ys7eqww6evh8alac48akj3w6ju7khlftcss4aan0e');
  await keys.getByLabel('Partner’s public key (age1…)').press('Enter');
  await expect(keys.getByRole('listitem')).toContainText('Правозащитный центр');
  await keys.getByRole('button', { name: 'Remove Правозащитный центр' }).click();
  await expect(keys.getByText('No partner keys yet.')).toBeVisible();
});
