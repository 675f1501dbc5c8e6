import { expect, test } from './fixtures';
import { createCase, expectSaved, readCaseFile, section } from './helpers';

// Dates and amounts typed the way people write them, through the real case view: what is
// stored on disk, and what the field shows back in English and in Kazakh.

test('an event date typed as 08.02.2021 or 22 февраля 2021 is stored as a PartialDate and shown in the interface language', async ({ page, dataDir }) => {
  test.setTimeout(90_000);
  const id = await createCase(page, { kind: 'prisoner', title: 'Байболат Кунболатұлы', name: 'Байболат Кунболатұлы' });

  const timeline = section(page, 'Timeline');
  await timeline.getByRole('button', { name: 'Add event' }).click();
  const newEvent = timeline.getByRole('group', { name: 'New event' });
  await newEvent.getByLabel('Date').fill('08.02.2021');
  await newEvent.getByLabel('Type').selectOption({ label: 'Arrest' });
  await newEvent.getByLabel('What happened').fill('Detained in Almaty');
  await newEvent.getByRole('button', { name: 'Add', exact: true }).click();
  await expectSaved(page);
  await expect.poll(async () => (await readCaseFile(dataDir, id)).events.map((e: { date: string }) => e.date)).toEqual(['2021-02-08']);

  const card = timeline.getByRole('listitem').filter({ hasText: 'Detained in Almaty' });
  const date = card.getByLabel('Date');
  await expect(date).toHaveValue('8 February 2021');

  // Russian words, with the genitive month, are read too.
  await date.fill('22 февраля 2021');
  await expect.poll(async () => (await readCaseFile(dataDir, id)).events[0].date).toBe('2021-02-22');
  await date.blur();
  await expect(date).toHaveValue('22 February 2021');

  // No 31 February: the message says which forms are accepted, the text stays, nothing is saved.
  await date.fill('31.02.2021');
  await date.blur();
  await expect(card.getByText('There is no such date: check the day and the month')).toBeVisible();
  await expect(card.getByText('Type it as 22.02.2021, 02.2021 or 2021.')).toBeVisible();
  await expect(date).toHaveValue('31.02.2021');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Fields not saved: 1 — fix them' })).toBeVisible();
  expect((await readCaseFile(dataDir, id)).events[0].date).toBe('2021-02-22');

  // An event's date has no approximate flag in the model: "c. 2021" is refused, not rounded off.
  await date.fill('c. 2021');
  await expect(card.getByText('This date cannot be marked approximate here.')).toBeVisible();
  expect((await readCaseFile(dataDir, id)).events[0].date).toBe('2021-02-22');

  // The calendar button is the next stop from the text, and a date picked there is stored whole.
  await date.focus();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Choose from calendar' })).toBeFocused();
  await card.locator('input[type="date"]').fill('2021-03-05', { force: true });
  await expect.poll(async () => (await readCaseFile(dataDir, id)).events[0].date).toBe('2021-03-05');
  await expect(date).toHaveValue('5 March 2021');

  await date.fill('08.02.2021');
  await date.blur();
  await expectSaved(page);
  await expect.poll(async () => (await readCaseFile(dataDir, id)).events[0].date).toBe('2021-02-08');

  // After a reload the stored date is shown in English, and in the Kazakh UI in Kazakh's own form.
  await page.reload();
  await expect(date).toHaveValue('8 February 2021');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Қазақша' }).check();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Байболат Кунболатұлы' })).toBeVisible();
  const kkDate = page.getByRole('listitem').filter({ hasText: 'Detained in Almaty' }).getByRole('textbox', { name: 'Күні', exact: true });
  await expect(kkDate).toHaveValue('8 ақпан 2021 ж.');
  // A Kazakh date typed in Kazakh, with the month's genitive and the day's ordinal.
  await kkDate.fill('2021 жылғы ақпанның 9-ы');
  await expect.poll(async () => (await readCaseFile(dataDir, id)).events[0].date).toBe('2021-02-09');
  await kkDate.blur();
  await expect(kkDate).toHaveValue('9 ақпан 2021 ж.');
});

test('a fine typed as "2 000 000" is stored as 2000000 and shown grouped', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'ngo', title: 'Ақ Жол қоры — fine', name: 'Ақ Жол қоры', authority: 'Ministry of Justice' });
  const measure = section(page, 'Measure');
  await measure.getByRole('button', { name: 'Add Fine' }).click();
  const amount = measure.getByLabel('Amount');
  await amount.fill('2 000 000');
  await amount.blur();
  await expect.poll(async () => (await readCaseFile(dataDir, id)).measure.fine?.amount).toBe(2000000);
  await expect(amount).toHaveValue('2,000,000');

  // An ambiguous grouping is refused with a message; the stored amount stays.
  await amount.fill('2,00,0');
  await expect(measure.getByText('Group digits in threes')).toBeVisible();
  expect((await readCaseFile(dataDir, id)).measure.fine.amount).toBe(2000000);
  await amount.fill('1.500.000');
  await amount.blur();
  await expectSaved(page);
  expect((await readCaseFile(dataDir, id)).measure.fine.amount).toBe(1500000);
  await expect(amount).toHaveValue('1,500,000');
});
