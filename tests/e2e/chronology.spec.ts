import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { createCase, expectSaved, importBundle, readCaseFile, section } from './helpers';
import { addPastedSource, annotate, annotationPanel } from './sourcesHelpers';

// The timeline's order as the user gives it where dates cannot say it (an undated event,
// a month beside a day of that month), the requests in the advocate's words and order,
// consent, and an annotation comment marked public: on screen, on disk after a reload,
// and in the exported bundle exactly.

const NAME = 'Baibolat Kunbolatuly';

async function addEvent(timeline: Locator, fields: { date?: string; type?: string; title: string }): Promise<void> {
  await timeline.getByRole('button', { name: 'Add event' }).click();
  const form = timeline.getByRole('group', { name: 'New event' });
  if (fields.date) await form.getByLabel('Date').fill(fields.date);
  if (fields.type) await form.getByLabel('Type').selectOption({ label: fields.type });
  await form.getByLabel('What happened').fill(fields.title);
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(form).toBeHidden();
}

/** The titles of the timeline's cards, top to bottom. */
function eventTitles(timeline: Locator) {
  return timeline.locator('ol.timeline > li .item-card-title');
}

/** The values of several text fields, in order, polled until they match. */
async function expectValues(fields: Locator, values: string[]): Promise<void> {
  await expect.poll(() => fields.evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value))).toEqual(values);
}

function card(list: Locator, text: string) {
  return list.getByRole('listitem').filter({ hasText: text });
}

test('an undated event moved between dated ones, a month after its day, requests, consent and a public comment: kept through reload and export', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: `${NAME} — 10-day administrative arrest`, name: NAME });
  const timeline = section(page, 'Timeline');

  await addEvent(timeline, { date: '2021-02-01', type: 'Verdict', title: 'Court orders the arrest' });
  await addEvent(timeline, { date: '2021-03-10', type: 'Hearing', title: 'Appeal heard' });
  // No date: no required marker, and the event is accepted.
  await timeline.getByRole('button', { name: 'Add event' }).click();
  const form = timeline.getByRole('group', { name: 'New event' });
  await expect(form.getByLabel('Date')).not.toHaveAttribute('aria-required', 'true');
  await expect(form.getByLabel('Place in the timeline')).toHaveValue('');
  await form.getByLabel('What happened').fill('Questioned without a lawyer');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(eventTitles(timeline)).toHaveText(['Court orders the arrest', 'Appeal heard', 'Questioned without a lawyer']);
  const undated = card(timeline, 'Questioned without a lawyer');
  await expect(undated.locator('.timeline-date')).toHaveText('no date');

  // With the button: one place up, and the focus stays on the button that moved it.
  const up = undated.getByRole('button', { name: 'Move “Questioned without a lawyer” up' });
  await up.click();
  await expect(eventTitles(timeline)).toHaveText(['Court orders the arrest', 'Questioned without a lawyer', 'Appeal heard']);
  await expect(timeline.getByRole('status').filter({ hasText: 'moved to place 2 of 3' })).toHaveText('“Questioned without a lawyer” moved to place 2 of 3.');
  await expect(up).toBeFocused();

  // With the keyboard: Alt+↑ to the top, Alt+↓ back between the two dated events.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(eventTitles(timeline)).toHaveText(['Questioned without a lawyer', 'Court orders the arrest', 'Appeal heard']);
  await expect(up).toBeFocused();
  await expect(up).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(eventTitles(timeline)).toHaveText(['Court orders the arrest', 'Questioned without a lawyer', 'Appeal heard']);
  await expect(up).toBeFocused();

  // A dated event cannot go before one that is definitely earlier: refused, with the reason.
  const appeal = card(timeline, 'Appeal heard');
  await appeal.getByLabel('What happened').focus();
  await page.keyboard.press('Alt+ArrowUp'); // past the undated one: allowed
  await expect(eventTitles(timeline)).toHaveText(['Court orders the arrest', 'Appeal heard', 'Questioned without a lawyer']);
  await expect(appeal.getByLabel('What happened')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(timeline.getByRole('status').filter({ hasText: 'cannot go before' })).toHaveText(
    '“Appeal heard” (10 March 2021) cannot go before “Court orders the arrest” (1 February 2021): its date is later. If a date is wrong, correct it and the item takes its place.',
  );
  await expect(eventTitles(timeline)).toHaveText(['Court orders the arrest', 'Appeal heard', 'Questioned without a lawyer']);
  await undated.getByRole('button', { name: 'Move “Questioned without a lawyer” up' }).click();
  await expect(eventTitles(timeline)).toHaveText(['Court orders the arrest', 'Questioned without a lawyer', 'Appeal heard']);

  // The prosecutor's appeal, known only by its month, added after the ruling of the 1st: it stays after it.
  await addEvent(timeline, { date: '2021-02', type: 'Appeal', title: 'Prosecutor appeals the ruling' });
  await expect(eventTitles(timeline)).toHaveText(['Court orders the arrest', 'Questioned without a lawyer', 'Prosecutor appeals the ruling', 'Appeal heard']);

  // Requests: suggestions from the case, then the advocate's own words and order.
  const requests = section(page, 'Requests');
  await expect(requests.getByText('Briefs print exactly these words')).toBeVisible();
  // Release is suggested only for a person the case says is held.
  await section(page, 'Detention and sentence').getByLabel('Detention status').selectOption('administrative_arrest');
  await requests.getByRole('button', { name: 'Suggest requests' }).click();
  const texts = requests.getByRole('textbox', { name: 'Request', exact: true });
  await expect(texts).toHaveCount(3);
  await expect(texts.nth(0)).toHaveValue(`Release ${NAME} immediately and unconditionally.`);
  await expect(texts.nth(1)).toHaveValue(`Guarantee ${NAME} prompt access to a lawyer of their choice and regular contact with their family.`);
  await expect(requests.getByRole('button', { name: 'Suggest requests' })).toHaveCount(0);
  await texts.nth(0).fill(`Release ${NAME} at once and quash the arrest order.`);
  await requests.getByLabel('Addressee').nth(1).fill('Prosecutor General of Kazakhstan');
  const third = requests.getByRole('listitem').filter({ hasText: 'Request 3' });
  await third.getByRole('checkbox', { name: 'Confidential' }).check();
  await third.getByRole('button', { name: /^Move “Protect .*” up$/ }).click();
  await expectValues(texts, [
    `Release ${NAME} at once and quash the arrest order.`,
    `Protect ${NAME} from torture and ill-treatment and provide adequate medical care.`,
    `Guarantee ${NAME} prompt access to a lawyer of their choice and regular contact with their family.`,
  ]);
  // Remove, then undo: it comes back in its place.
  await requests.getByRole('listitem').filter({ hasText: 'Request 3' }).getByRole('button', { name: 'Remove' }).click();
  await expect(texts).toHaveCount(2);
  await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click();
  await expect(texts).toHaveCount(3);
  await expect(texts.nth(2)).toHaveValue(`Guarantee ${NAME} prompt access to a lawyer of their choice and regular contact with their family.`);

  // Consent: always confidential, no switch to make it public.
  const consent = section(page, 'Consent');
  await expect(consent.locator('.badge-confidential').first()).toHaveText('Confidential');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await consent.getByLabel('Consent', { exact: true }).selectOption({ label: 'Given' });
  await consent.getByLabel('Given or refused by').fill('His wife, Aigerim');
  await consent.getByLabel('Date').fill('2021-02-15');
  await consent.getByLabel('Scope').fill('A communication to the UN Working Group; naming him publicly');
  await expect(consent.getByRole('checkbox', { name: 'Confidential' })).toHaveCount(0);

  // Advocacy: a confidential switch, and notes named for what they are.
  const advocacy = section(page, 'Advocacy');
  await advocacy.getByRole('button', { name: 'Add action' }).click();
  const action = advocacy.getByRole('group', { name: 'New advocacy action' });
  await action.getByLabel('Sent to').fill('UN WGAD');
  await action.getByLabel('Working notes').fill('Call the secretariat on Monday.');
  await expect(action.getByText('Printed in internal briefs only.')).toBeVisible();
  await action.getByRole('checkbox', { name: 'Confidential' }).check();
  await action.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(advocacy.getByRole('listitem').first().locator('.badge-confidential')).toHaveText('Confidential');

  // An annotation's comment: a working note until marked public.
  await addPastedSource(page, { title: 'Ruling of 1 February', text: 'The court ordered ten days of arrest. The defence was not admitted to the hearing.' });
  await annotate(page, 'The defence was not admitted', { body: 'Right to counsel denied: ICCPR 14(3)(d).' });
  const panel = annotationPanel(page);
  await panel.getByRole('button', { name: /Edit the annotation on “The defence was not admitted/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Annotation' });
  await expect(dialog.getByRole('group', { name: 'The comment in briefs' })).toBeVisible();
  const publicBox = dialog.getByRole('checkbox', { name: 'May appear in public briefs' });
  await expect(publicBox).not.toBeChecked();
  await expect(dialog.getByText('Off: the comment is a working note')).toBeVisible();
  await publicBox.check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.locator('.public-comment-mark')).toHaveText('Comment public');

  await expectSaved(page);
  const disk = await readCaseFile(dataDir, id);
  const expectedEvents = [
    { date: '2021-02-01', type: 'verdict', title: 'Court orders the arrest' },
    { type: 'other', title: 'Questioned without a lawyer' },
    { date: '2021-02', type: 'appeal', title: 'Prosecutor appeals the ruling' },
    { date: '2021-03-10', type: 'hearing', title: 'Appeal heard' },
  ];
  const expectedRequests = [
    { text: `Release ${NAME} at once and quash the arrest order.` },
    { text: `Protect ${NAME} from torture and ill-treatment and provide adequate medical care.`, confidential: true },
    { text: `Guarantee ${NAME} prompt access to a lawyer of their choice and regular contact with their family.`, addressee: 'Prosecutor General of Kazakhstan' },
  ];
  const expectedConsent = { status: 'given', by: 'His wife, Aigerim', date: '2021-02-15', scope: 'A communication to the UN Working Group; naming him publicly' };
  const check = (c: Record<string, any>) => {
    expect(c.events.map(({ id: _id, ...rest }: Record<string, unknown>) => rest)).toEqual(expectedEvents);
    expect(c.requests.map(({ id: _id, ...rest }: Record<string, unknown>) => rest)).toEqual(expectedRequests);
    expect(c.consent).toEqual(expectedConsent);
    expect(c.annotations).toHaveLength(1);
    expect(c.annotations[0]).toMatchObject({ body: 'Right to counsel denied: ICCPR 14(3)(d).', publicComment: true, confidential: false });
    expect(c.advocacy).toMatchObject([{ target: 'UN WGAD', notes: 'Call the secretariat on Monday.', confidential: true, status: 'draft' }]);
  };
  check(disk);

  // After a reload the view shows exactly the saved order: nothing re-sorted for display.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `${NAME} — 10-day administrative arrest` })).toBeVisible();
  await expect(eventTitles(timeline)).toHaveText(['Court orders the arrest', 'Questioned without a lawyer', 'Prosecutor appeals the ruling', 'Appeal heard']);
  await expect(card(timeline, 'Questioned without a lawyer').getByLabel('Date')).toHaveValue('');
  await expectValues(texts, expectedRequests.map((r) => r.text));
  await expect(requests.getByLabel('Addressee').nth(2)).toHaveValue('Prosecutor General of Kazakhstan');
  await expect(requests.getByRole('listitem').filter({ hasText: 'Request 2' }).getByRole('checkbox', { name: 'Confidential' })).toBeChecked();
  await expect(consent.getByLabel('Consent', { exact: true })).toHaveValue('given');
  await expect(consent.getByLabel('Given or refused by')).toHaveValue('His wife, Aigerim');
  await expect(consent.getByLabel('Date')).toHaveValue(/2021|15/);
  await expect(consent.getByLabel('Scope')).toHaveValue('A communication to the UN Working Group; naming him publicly');
  await expect(annotationPanel(page).locator('.public-comment-mark')).toHaveText('Comment public');

  // The exported bundle holds that order and those fields exactly.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export case' }).click()]);
  const bundle = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(bundle.cases).toHaveLength(1);
  check(bundle.cases[0]);
  expect(bundle.cases[0].events[1]).not.toHaveProperty('date');
});

test('re-dating an event moves it to its place, and the order survives a reload', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'ngo', title: 'Re-dated events', name: 'Ар-Намыс қоры', authority: 'Ministry of Justice' });
  const timeline = section(page, 'Timeline');
  await addEvent(timeline, { date: '2023', title: 'Inspection announced' });
  await addEvent(timeline, { date: '2024-02', title: 'Suspension ordered' });
  await addEvent(timeline, { date: '2024-06-01', title: 'Appeal filed' });
  await expect(eventTitles(timeline)).toHaveText(['Inspection announced', 'Suspension ordered', 'Appeal filed']);

  const date = card(timeline, 'Inspection announced').getByLabel('Date');
  await date.fill('2024-07-15');
  await expect(eventTitles(timeline)).toHaveText(['Suspension ordered', 'Appeal filed', 'Inspection announced']);
  await expect(date).toBeFocused();
  await expect(timeline.getByRole('status').filter({ hasText: 'to follow its new date' })).toBeVisible();

  // Deadlines follow the same rules, and carry their own confidential switch.
  const deadlines = section(page, 'Deadlines');
  for (const [d, title] of [['2026-12-01', 'Cassation limit'], ['2026-11', 'Report to donors']] as const) {
    await deadlines.getByRole('button', { name: 'Add deadline' }).click();
    const form = deadlines.getByRole('group', { name: 'New deadline' });
    await form.getByLabel('Date').fill(d);
    await form.getByLabel('What is due').fill(title);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
  }
  await expect(deadlines.locator('.item-card-title')).toHaveText(['Report to donors', 'Cassation limit']);
  await deadlines.getByRole('listitem').filter({ hasText: 'Cassation limit' }).getByRole('checkbox', { name: 'Confidential' }).check();

  await expectSaved(page);
  const disk = await readCaseFile(dataDir, id);
  expect(disk.events.map((e: { title: string; date: string }) => [e.date, e.title])).toEqual([
    ['2024-02', 'Suspension ordered'],
    ['2024-06-01', 'Appeal filed'],
    ['2024-07-15', 'Inspection announced'],
  ]);
  expect(disk.deadlines).toMatchObject([{ title: 'Report to donors' }, { title: 'Cassation limit', confidential: true }]);
  await page.reload();
  await expect(eventTitles(timeline)).toHaveText(['Suspension ordered', 'Appeal filed', 'Inspection announced']);
});

test('an imported timeline that contradicts its dates is flagged and put in order; requests and moves in the Kazakh UI', async ({ page, dataDir }) => {
  const bundle = {
    format: 'casefile-bundle',
    version: 2,
    cases: [
      {
        id: 'chrono-kk',
        kind: 'political_prisoner',
        title: 'Out-of-order timeline',
        person: { name: 'Байболат Құнболатұлы' },
        detention: { status: 'administrative_arrest' },
        events: [
          { id: 'e-late', date: '2021-03-10', type: 'hearing', title: 'Appeal heard' },
          { id: 'e-undated', type: 'other', title: 'Questioned without a lawyer' },
          { id: 'e-early', date: '2021-02-01', type: 'verdict', title: 'Court orders the arrest' },
          { id: 'e-month', date: '2021-02', type: 'appeal', title: 'Prosecutor appeals the ruling' },
        ],
      },
    ],
  };
  await importBundle(page, { name: 'out-of-order.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const importDialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(importDialog.getByText('Import finished. Cases in the bundle: 1')).toBeVisible();
  await importDialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await page.evaluate("location.hash = '#/case/chrono-kk'");
  const timeline = section(page, 'Timeline');
  // Shown as saved, flagged, and fixed only when the user asks.
  await expect(eventTitles(timeline)).toHaveText(['Appeal heard', 'Questioned without a lawyer', 'Court orders the arrest', 'Prosecutor appeals the ruling']);
  const problems = timeline.getByRole('group', { name: 'The order contradicts some dates' });
  await expect(problems.getByRole('listitem')).toHaveText([
    '“Court orders the arrest” (1 February 2021) comes after “Appeal heard” (10 March 2021), which is later.',
    '“Prosecutor appeals the ruling” (February 2021) comes after “Appeal heard” (10 March 2021), which is later.',
  ]);
  await problems.getByRole('button', { name: 'Put in date order' }).click();
  await expect(problems).toHaveCount(0);
  // The undated event stays after the one it followed; the month stays after its day.
  await expect(eventTitles(timeline)).toHaveText(['Court orders the arrest', 'Prosecutor appeals the ruling', 'Appeal heard', 'Questioned without a lawyer']);
  await expectSaved(page);
  expect((await readCaseFile(dataDir, 'chrono-kk')).events.map((e: { id: string }) => e.id)).toEqual(['e-early', 'e-month', 'e-late', 'e-undated']);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Қазақша' }).check();
  await page.evaluate("location.hash = '#/case/chrono-kk'");
  const requests = section(page, 'Талаптар');
  await expect(page.locator('.case-nav').getByRole('button', { name: 'Талаптар' })).toBeVisible();
  await requests.getByRole('button', { name: 'Талаптар ұсыну' }).click();
  const texts = requests.getByRole('textbox', { name: 'Талап', exact: true });
  await expect(texts).toHaveCount(3);
  await expect(texts.first()).toHaveValue('Байболат Құнболатұлы дереу әрі ешқандай шартсыз босатылсын.');
  // Alt+↓ in the first request's addressee moves it, said in Kazakh, focus kept.
  const addressee = requests.getByRole('textbox', { name: 'Адресат' }).first();
  await addressee.fill('Қазақстан Республикасының Бас прокуроры');
  await addressee.press('Alt+ArrowDown');
  await expect(requests.getByRole('status').filter({ hasText: 'жылжытылды' })).toHaveText(
    '«Байболат Құнболатұлы дереу әрі ешқандай шартсыз босатылсын.» жазбасы 3 орынның 2-орнына жылжытылды.',
  );
  // The card moved (the locator above is positional): its field, now second, kept the focus.
  const moved = requests.getByRole('textbox', { name: 'Адресат' }).nth(1);
  await expect(moved).toBeFocused();
  await expect(moved).toHaveValue('Қазақстан Республикасының Бас прокуроры');
  await expect(texts.nth(1)).toHaveValue('Байболат Құнболатұлы дереу әрі ешқандай шартсыз босатылсын.');
  await expect(section(page, 'Келісім').getByRole('button', { name: 'Келісімді жазу' })).toBeVisible();
  await expect.poll(async () => (await readCaseFile(dataDir, 'chrono-kk')).requests?.[1]).toMatchObject({
    text: 'Байболат Құнболатұлы дереу әрі ешқандай шартсыз босатылсын.',
    addressee: 'Қазақстан Республикасының Бас прокуроры',
  });
});
