import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

// Settings → Organisation: the submitting organisation's profile, typed in, saved in
// the data folder's settings.json when a field is left (or with Save), refused field
// by field when not valid, shown again after a reload, and labelled in Kazakh.

const PROFILE = {
  name: 'Қазақстан құқық қорғау бюросы',
  address: 'Абай даңғылы 10, 17-кеңсе\nАлматы 050000',
  email: 'office@bureau.kz',
  phone: '+7 (727) 555-71-93',
  responsiblePerson: 'Сәуле Жақыпова',
  responsibleRole: 'Заң кеңесшісі',
};

const onDisk = async (dataDir: string) => JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8').catch(() => '{}')) as { organization?: Record<string, string> };

test('the organisation profile is filled in, checked, saved in the folder, shown after a reload and in Kazakh', async ({ page, dataDir }, testInfo) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const org = page.getByRole('region', { name: 'Organisation' });
  await expect(org.getByText('printed only in submissions to a UN mechanism, never in a public brief')).toBeVisible();
  const status = org.getByRole('status');
  // Each contact field is read with the hint that it goes only into submissions; the name is not.
  await expect(org.getByLabel('Phone')).toHaveAccessibleDescription('Contact details: printed only in submissions to a UN mechanism.');
  await expect(org.getByLabel('Organisation name')).not.toHaveAccessibleDescription(/submissions/);

  // Left field by field: each is saved as the user moves on.
  await org.getByLabel('Organisation name').fill(`  ${PROFILE.name} `);
  await org.getByLabel('Postal address').click();
  await expect(status).toHaveText('Organisation profile saved.');
  await expect(org.getByLabel('Organisation name')).toHaveValue(PROFILE.name);
  await expect.poll(async () => (await onDisk(dataDir)).organization).toEqual({ name: PROFILE.name });

  await org.getByLabel('Postal address').fill(PROFILE.address);
  await org.getByLabel('E-mail').fill('office at bureau.kz');
  await org.getByLabel('Phone').fill('8-800-СВЯЗЬ');
  await org.getByLabel('Person responsible', { exact: true }).fill(PROFILE.responsiblePerson);
  await org.getByLabel('Role of the person responsible').fill(PROFILE.responsibleRole);
  await org.getByRole('button', { name: 'Save' }).click();
  // Not valid: each says what it expects, is marked, and is not stored; the first takes the focus.
  await expect(org.getByText('Enter an e-mail address such as office@example.org.')).toBeVisible();
  await expect(org.getByText('Enter a phone number: digits, spaces and + ( ) - . only')).toBeVisible();
  await expect(org.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(org.getByLabel('E-mail')).toBeFocused();
  // The valid fields were saved as the user left them; the two bad ones are not in the folder.
  await expect.poll(async () => (await onDisk(dataDir)).organization).toEqual({ ...PROFILE, email: undefined, phone: undefined });

  await org.getByLabel('E-mail').fill(PROFILE.email);
  await org.getByLabel('Phone').fill(PROFILE.phone);
  await org.getByLabel('Phone').press('Enter');
  await expect(org.getByText('Enter an e-mail address such as office@example.org.')).toBeHidden();
  await expect(org.getByLabel('E-mail')).not.toHaveAttribute('aria-invalid', 'true');
  await expect.poll(async () => (await onDisk(dataDir)).organization).toEqual(PROFILE);

  // After a reload the folder's profile is shown again.
  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  for (const [label, value] of [
    ['Organisation name', PROFILE.name],
    ['Postal address', PROFILE.address],
    ['E-mail', PROFILE.email],
    ['Phone', PROFILE.phone],
    ['Person responsible', PROFILE.responsiblePerson],
    ['Role of the person responsible', PROFILE.responsibleRole],
  ] as const) {
    await expect(page.getByRole('region', { name: 'Organisation' }).getByLabel(label, { exact: true })).toHaveValue(value);
  }

  // In Kazakh: the same fields, labelled in Kazakh; clearing a field there clears it in the folder.
  await page.getByRole('radio', { name: 'Қазақша' }).check();
  const kk = page.getByRole('region', { name: 'Ұйым' });
  await expect(kk.getByText('тек БҰҰ механизмдеріне жіберілетін хабарламаларда басылады, жария анықтамада ешқашан басылмайды')).toBeVisible();
  await expect(kk.getByLabel('Ұйымның атауы')).toHaveValue(PROFILE.name);
  await expect(kk.getByLabel('Пошталық мекенжайы')).toHaveValue(PROFILE.address);
  await expect(kk.getByLabel('Электрондық пошта')).toHaveValue(PROFILE.email);
  await expect(kk.getByLabel('Телефон')).toHaveValue(PROFILE.phone);
  await expect(kk.getByLabel('Жауапты тұлға', { exact: true })).toHaveValue(PROFILE.responsiblePerson);
  await expect(kk.getByLabel('Жауапты тұлғаның лауазымы')).toHaveValue(PROFILE.responsibleRole);
  // For a person to check that no Kazakh label overflows (test-results/screenshots).
  const file = path.join('test-results', 'screenshots', `${testInfo.project.name}-kk-organisation.png`);
  await kk.screenshot({ path: file });
  await testInfo.attach('kk-organisation', { path: file, contentType: 'image/png' });
  await kk.getByLabel('Телефон').fill('12');
  await kk.getByRole('button', { name: 'Сақтау' }).click();
  await expect(kk.getByText('Телефон нөмірін жазыңыз')).toBeVisible();
  await kk.getByLabel('Телефон').fill('');
  await kk.getByRole('button', { name: 'Сақтау' }).click();
  await expect(kk.getByRole('status')).toHaveText('Ұйым профилі сақталды.');
  await expect.poll(async () => (await onDisk(dataDir)).organization).toEqual({ ...PROFILE, phone: undefined });
});
