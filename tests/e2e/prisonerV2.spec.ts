import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { createCase, expectSaved, readCaseFile, section } from './helpers';

// Model version 2 in the case view: a lawyer records Baibolat Kunbolatuly's 10-day
// administrative arrest — identity, the arrest itself, detention, a charge without a
// known article, and the decisions in order (a verdict, then a reduction moved above
// and back below it). After a reload the view shows all of it, the exported bundle and
// the file on disk hold exactly that, and the Kazakh interface labels the same fields.

const TITLE = 'Baibolat Kunbolatuly — 10-day administrative arrest';
const NAME = 'Байболат Кунболатұлы';

test('a 10-day administrative arrest, recorded with arrest details, decisions in order and identity, survives a reload and an export', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  const id = await createCase(page, { kind: 'prisoner', title: TITLE, name: NAME });

  // Identity: approximate birth, nationality from the country list, always-confidential details.
  const person = section(page, 'Person');
  const approx = person.getByRole('checkbox', { name: 'Approximate (c.)' });
  await expect(approx).toBeDisabled(); // nothing to be approximate about yet
  await person.getByLabel('Born').fill('1967');
  await approx.check();
  await person.getByLabel('Family name').fill('Кунболатұлы');
  await person.getByLabel('Given names').fill('Байболат');
  await person.getByRole('combobox', { name: 'Country' }).selectOption('KZ');
  await person.getByRole('button', { name: 'Add nationality' }).click();
  await expect(person.getByRole('list', { name: 'Nationality' })).toContainText('Kazakhstan (KZ)');
  // A chosen country leaves the list: it cannot be added twice.
  await expect(person.getByRole('combobox', { name: 'Country' }).locator('option[value="KZ"]')).toHaveCount(0);
  await person.getByLabel('Address').fill('Almaty, Abai Ave 1, apt 2');
  await person.getByRole('button', { name: 'Add identity document' }).click();
  const newDoc = person.getByRole('group', { name: 'New identity document' });
  await newDoc.getByLabel('Document type').fill('National ID card');
  await newDoc.getByLabel('Document number').fill('045678912');
  await newDoc.getByLabel('Issued by').fill('Ministry of Internal Affairs');
  await newDoc.getByRole('button', { name: 'Add', exact: true }).click();
  const doc = person.getByRole('group', { name: /Identity document/ });
  await expect(doc.getByLabel('Document number')).toHaveValue('045678912');
  await expect(doc.locator('.badge-confidential').first()).toHaveText('Confidential');
  await expect(person.getByRole('group', { name: 'Nationality' })).toBeVisible();
  await expect(person.locator('.field.is-confidential')).toHaveCount(2); // contact and address
  await expect(person.getByRole('checkbox', { name: 'Confidential' })).toHaveCount(0);

  // The arrest.
  const arrest = section(page, 'Arrest');
  // Typed as a lawyer writes it; stored as ISO, shown back in the interface language.
  await arrest.getByLabel('Date of arrest').fill('08.02.2021');
  await arrest.getByLabel('Place of arrest').fill('Almaty, Republic Square');
  await arrest.getByLabel('Arrested by').fill('Almaty police');
  await arrest.getByLabel('Warrant shown').selectOption({ label: 'No' });
  await arrest.getByLabel('Warrant issued by').fill('none shown');
  await arrest.getByLabel('Legal basis').fill('Administrative Offences Code art. 488');
  await arrest.getByLabel('Reasons given').fill('Told he had taken part in an unsanctioned rally.');

  // Detention.
  const detention = section(page, 'Detention and sentence');
  await detention.getByLabel('Detention status').selectOption({ label: 'Administrative arrest' });
  await detention.getByLabel('Place of detention').fill('Almaty special detention centre');
  await detention.getByLabel('Held by').fill('Almaty City Police Department');
  await detention.getByLabel('Released on').fill('2021-02-18');
  await detention.getByLabel('Conditions').fill('Cell shared with six others.');
  const health = detention.getByLabel('Health');
  await health.fill('Hypertension; no medication given.');
  await expect(detention.locator('.field.is-confidential')).toContainText('Health');

  // A charge with no known article: no required marker, a placeholder word refused.
  const charges = section(page, 'Charges');
  await charges.getByRole('button', { name: 'Add charge' }).click();
  const newCharge = charges.getByRole('group', { name: 'New charge' });
  const article = newCharge.getByLabel('Article');
  await expect(article).not.toHaveAttribute('aria-required', 'true');
  await article.fill('не указана');
  await expect(newCharge.getByText('This is not an article number. Leave the field empty when the article is not known.')).toBeVisible();
  await article.fill('');
  await newCharge.getByLabel('Code').fill('Administrative Offences Code of the Republic of Kazakhstan');
  await newCharge.getByLabel('Outcome').selectOption({ label: 'Convicted' });
  await newCharge.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(charges.getByText('Charge 1')).toBeVisible();

  // The verdict: administrative arrest for 10 days, typed as days.
  const decisions = section(page, 'Decisions and penalties');
  await expect(decisions.getByText('No decision sets a penalty yet.')).toBeVisible();
  await decisions.getByRole('button', { name: 'Add decision' }).click();
  let form = decisions.getByRole('group', { name: 'New decision' });
  await expect(form.getByLabel('Stage')).toHaveValue('verdict');
  await form.getByLabel('Date', { exact: true }).fill('2021-02-08');
  await form.getByLabel('Court or authority').fill('Specialised Inter-District Administrative Court of Almaty');
  await form.getByLabel('Penalty', { exact: true }).selectOption({ label: 'Administrative arrest' });
  await form.getByRole('button', { name: 'Add term' }).click();
  // A term started but given in no unit is held back, with a message.
  await expect(form.getByText('Enter at least one of years, months or days, or remove the term.')).toBeVisible();
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(form.getByText('Fill in the required fields marked *')).toBeVisible();
  await form.getByRole('group', { name: 'Term', exact: true }).getByLabel('Days').fill('10');
  await expect(form.getByText('Enter at least one of years, months or days, or remove the term.')).toHaveCount(0);
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(decisions.getByRole('status')).toHaveText('Penalty in force: Administrative arrest, 10 days (1. Verdict).');

  // A reduction four days later: it goes after the verdict by date, and its penalty is in force.
  await decisions.getByRole('button', { name: 'Add decision' }).click();
  form = decisions.getByRole('group', { name: 'New decision' });
  await form.getByLabel('Stage').selectOption({ label: 'Term reduced' });
  await form.getByLabel('Date', { exact: true }).fill('2021-02-12');
  await form.getByLabel('Penalty', { exact: true }).selectOption({ label: 'Administrative arrest' });
  await form.getByRole('button', { name: 'Add term' }).click();
  await form.getByRole('group', { name: 'Term', exact: true }).getByLabel('Days').fill('7');
  await form.getByLabel('Outcome').fill('term cut by three days');
  await form.getByRole('checkbox', { name: 'Confidential' }).check();
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  const cards = decisions.locator('li.item-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('1. Verdict');
  await expect(cards.nth(1)).toContainText('2. Term reduced');
  await expect(cards.nth(1)).toHaveClass(/is-confidential/);
  await expect(decisions.getByRole('status')).toHaveText('Penalty in force: Administrative arrest, 7 days (2. Term reduced).');
  await expect(cards.nth(1).locator('.badge-in-force')).toHaveText('Penalty in force');

  // Moved above the verdict, the verdict's penalty is the latest again; the keyboard stays on the moved card.
  await decisions.getByRole('button', { name: 'Move up: 2. Term reduced' }).click();
  await expect(cards.nth(0)).toContainText('1. Term reduced');
  await expect(decisions.getByRole('status')).toHaveText('Penalty in force: Administrative arrest, 10 days (2. Verdict).');
  await expect(decisions.getByRole('button', { name: 'Move up: 1. Term reduced' })).toBeDisabled();
  await expect(decisions.getByRole('button', { name: 'Move down: 1. Term reduced' })).toBeFocused();
  await expectSaved(page);
  expect((await readCaseFile(dataDir, id)).decisions.map((d: { stage: string }) => d.stage)).toEqual(['reduction', 'verdict']);
  // …and back below it, by keyboard.
  await page.keyboard.press('Enter');
  await expect(cards.nth(0)).toContainText('1. Verdict');
  await expect(cards.nth(1)).toContainText('2. Term reduced');
  await expect(decisions.getByRole('button', { name: 'Move up: 2. Term reduced' })).toBeFocused();

  // Removed, then brought back by Undo in the same place.
  await cards.nth(1).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(cards).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1)).toContainText('2. Term reduced');

  await expectSaved(page);
  const disk = await readCaseFile(dataDir, id);
  const expected = {
    person: {
      name: NAME,
      familyName: 'Кунболатұлы',
      givenNames: 'Байболат',
      born: { date: '1967', approximate: true },
      nationality: ['KZ'],
      address: 'Almaty, Abai Ave 1, apt 2',
      idDocument: { type: 'National ID card', number: '045678912', issuedBy: 'Ministry of Internal Affairs' },
    },
    arrest: {
      date: '2021-02-08',
      place: 'Almaty, Republic Square',
      by: 'Almaty police',
      warrantShown: 'no',
      warrantIssuedBy: 'none shown',
      legalBasis: 'Administrative Offences Code art. 488',
      reasonsGiven: 'Told he had taken part in an unsanctioned rally.',
    },
    detention: {
      status: 'administrative_arrest',
      place: 'Almaty special detention centre',
      heldBy: 'Almaty City Police Department',
      releasedOn: '2021-02-18',
      conditions: 'Cell shared with six others.',
      health: 'Hypertension; no medication given.',
    },
    charges: [{ code: 'Administrative Offences Code of the Republic of Kazakhstan', outcome: 'convicted' }],
    decisions: [
      { stage: 'verdict', date: '2021-02-08', body: 'Specialised Inter-District Administrative Court of Almaty', penalty: { type: 'administrative_arrest', term: { days: 10 } } },
      { stage: 'reduction', date: '2021-02-12', penalty: { type: 'administrative_arrest', term: { days: 7 } }, outcome: 'term cut by three days', confidential: true },
    ],
  };
  expect(disk).toMatchObject(expected);
  expect(disk.charges[0]).not.toHaveProperty('article');
  expect(disk.decisions[0]).not.toHaveProperty('confidential');
  expect(disk.decisions[0].penalty.term).toEqual({ days: 10 });
  expect(disk).not.toHaveProperty('sentence');

  // After a reload the view shows it all again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(person.getByLabel('Born')).toHaveValue('1967');
  await expect(approx).toBeChecked();
  await expect(person.getByRole('list', { name: 'Nationality' })).toContainText('Kazakhstan (KZ)');
  await expect(person.getByLabel('Address')).toHaveValue('Almaty, Abai Ave 1, apt 2');
  await expect(person.getByRole('group', { name: /Identity document/ }).getByLabel('Document type')).toHaveValue('National ID card');
  await expect(arrest.getByLabel('Date of arrest')).toHaveValue('8 February 2021');
  await expect(arrest.getByLabel('Place of arrest')).toHaveValue('Almaty, Republic Square');
  await expect(arrest.getByLabel('Arrested by')).toHaveValue('Almaty police');
  await expect(arrest.getByLabel('Warrant shown')).toHaveValue('no');
  await expect(arrest.getByLabel('Reasons given')).toHaveValue('Told he had taken part in an unsanctioned rally.');
  await expect(detention.getByLabel('Detention status')).toHaveValue('administrative_arrest');
  await expect(detention.getByLabel('Held by')).toHaveValue('Almaty City Police Department');
  await expect(detention.getByLabel('Released on')).toHaveValue('18 February 2021');
  await expect(detention.getByLabel('Health')).toHaveValue('Hypertension; no medication given.');
  await expect(charges.getByLabel('Article')).toHaveValue('');
  await expect(charges.getByLabel('Outcome')).toHaveValue('convicted');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).getByLabel('Stage')).toHaveValue('verdict');
  await expect(cards.nth(0).getByLabel('Penalty', { exact: true })).toHaveValue('administrative_arrest');
  await expect(cards.nth(0).getByRole('group', { name: 'Term', exact: true }).getByLabel('Days')).toHaveValue('10');
  await expect(cards.nth(0).getByRole('group', { name: 'Term', exact: true }).getByLabel('Years')).toHaveValue('');
  await expect(cards.nth(1).getByLabel('Stage')).toHaveValue('reduction');
  await expect(cards.nth(1).getByRole('checkbox', { name: 'Confidential' })).toBeChecked();
  await expect(decisions.getByRole('status')).toHaveText('Penalty in force: Administrative arrest, 7 days (2. Term reduced).');

  // A term removed and started again is held back until it has a unit; the header's button leads to it.
  const reductionTerm = cards.nth(1).getByRole('group', { name: 'Term', exact: true });
  await reductionTerm.getByRole('button', { name: 'Remove term' }).click();
  await expect(decisions.getByRole('status')).toHaveText('Penalty in force: Administrative arrest (2. Term reduced).');
  await cards.nth(1).getByRole('button', { name: 'Add term' }).click();
  await page.getByRole('button', { name: 'Fields not saved: 1 — fix them' }).click();
  await expect(reductionTerm).toBeFocused();
  await expect(reductionTerm).toHaveAccessibleDescription(/Enter at least one of years, months or days, or remove the term\./);
  await reductionTerm.getByLabel('Days').fill('7');
  await expectSaved(page);

  // The exported bundle carries exactly what was recorded, as version 2.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export case' }).click()]);
  const bundle = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(bundle).toMatchObject({ format: 'casefile-bundle', version: 2 });
  expect(bundle.cases).toHaveLength(1);
  expect(bundle.cases[0]).toMatchObject({ id, ...expected });
  expect(bundle.cases[0].decisions).toEqual(disk.decisions);
  expect(bundle.cases[0].charges[0]).not.toHaveProperty('article');
});

test('the Kazakh interface labels the arrest, the decisions and the term', async ({ page }) => {
  await createCase(page, { kind: 'prisoner', title: 'Kazakh labels', name: 'Байболат Кунболатұлы' });
  const decisions = section(page, 'Decisions and penalties');
  await decisions.getByRole('button', { name: 'Add decision' }).click();
  const form = decisions.getByRole('group', { name: 'New decision' });
  await form.getByLabel('Penalty', { exact: true }).selectOption({ label: 'Administrative arrest' });
  await form.getByRole('button', { name: 'Add term' }).click();
  await form.getByRole('group', { name: 'Term', exact: true }).getByLabel('Days').fill('10');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await section(page, 'Arrest').getByLabel('Date of arrest').fill('08.02.2021');
  await section(page, 'Person').getByRole('combobox', { name: 'Country' }).selectOption('KZ');
  await section(page, 'Person').getByRole('button', { name: 'Add nationality' }).click();
  await expectSaved(page);
  const caseUrl = page.url();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Қазақша' }).check();
  await page.evaluate(`window.location.hash = ${JSON.stringify(new URL(caseUrl).hash)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kazakh labels' })).toBeVisible();

  const arrest = section(page, 'Ұстау');
  await expect(arrest.getByLabel('Ұсталған күні')).toHaveValue('8 ақпан 2021 ж.');
  await expect(arrest.getByLabel('Қаулы (ордер) көрсетілді ме')).toBeVisible();
  await expect(arrest.getByLabel('Кім ұстады')).toBeVisible();
  const kkDecisions = section(page, 'Шешімдер мен жазалар');
  await expect(kkDecisions.getByRole('status')).toHaveText('Күшіндегі жаза: Әкімшілік қамаққа алу, 10 тәулік (1. Үкім).');
  const card = kkDecisions.locator('li.item-card');
  await expect(card.getByLabel('Сатысы')).toHaveValue('verdict');
  await expect(card.getByRole('group', { name: 'Мерзімі' }).getByLabel('Тәулік')).toHaveValue('10');
  // Whole phrases, not "Add: {{label}}" glued together.
  await expect(card.getByRole('button', { name: 'Айыппұл қосу', exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Жоғары жылжыту: 1. Үкім' })).toBeDisabled();
  await expect(kkDecisions.getByRole('button', { name: 'Шешім қосу' })).toBeVisible();
  const person = section(page, 'Тұлға');
  await expect(person.getByRole('list', { name: 'Азаматтығы' })).toContainText('(KZ)');
  await expect(person.getByRole('checkbox', { name: 'Шамамен (ш.)' })).toBeVisible();
  await expect(person.getByLabel('Туған күні')).toBeVisible();
  await expect(section(page, 'Қамау және жаза').getByLabel('Денсаулығы')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Бөлімдер' }).getByRole('button', { name: 'Ұстау' })).toBeVisible();
});
