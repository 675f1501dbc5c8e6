import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createCase, expectSaved, importBundle, readCaseFile, section } from './helpers';

// Tags and aliases are chips: one text box labelled by the field, Enter (or a comma, for
// tags) adds, a value already there is refused with a message, Backspace in the empty box
// goes to the last chip and a second one removes it, with Undo. And no input, select or
// textarea cuts its text (or its label) in a fully filled case or in Settings, at the two
// window sizes lawyers reported.

const SIZES = [
  { width: 1366, height: 850 },
  { width: 1024, height: 700 },
];

/** A prisoner's case with every section filled, in the Russian and Kazakh a lawyer writes. */
const FULL_PRISONER = {
  id: 'chips-full-prisoner',
  kind: 'political_prisoner',
  title: 'Кенжебек Әбішев — «джихад» туралы әңгіме үшін 7 жыл',
  status: 'active',
  priority: 'urgent',
  country: 'KZ',
  region: 'Қарағанды облысы, Теміртау',
  summary: 'Осуждён на семь лет за разговор о религии с друзьями в мессенджере.\n\nДостарымен мессенджердегі дін туралы әңгімесі үшін жеті жылға сотталды.',
  tags: ['экстремизм-статья-174', 'діни-сенім-бостандығы', 'Комитет национальной безопасности Республики Казахстан — дело о «пропаганде терроризма»'],
  person: {
    name: 'Кенжебек Әбішев',
    familyName: 'Әбішев',
    givenNames: 'Кенжебек Серікұлы',
    aliases: ['Абишев Кенжебек', 'Kenzhebek Abishev', 'Кенжебек Серикович Абишев (в материалах уголовного дела Специализированного межрайонного суда)'],
    born: { date: '1988-04-12' },
    gender: 'male',
    nationality: ['KZ'],
    occupation: 'предприниматель, владелец мастерской',
    affiliation: 'Қарағанды қалалық мешітінің жамағаты',
    contact: '+7 701 555 0199 (ағасы Ерлан, тек WhatsApp арқылы)',
    address: 'г. Темиртау, ул. Металлургов, д. 14, кв. 52',
    idDocument: { type: 'удостоверение личности', number: '045678912', issuedBy: 'МВД Республики Казахстан', issuedOn: '2016-05-20' },
  },
  arrest: {
    date: '2018-11-30',
    place: 'Теміртау, үйінің жанында',
    by: 'Департамент КНБ по Карагандинской области',
    warrantShown: 'no',
    warrantIssuedBy: 'Следственный судья Сарыаркинского района',
    reasonsGiven: 'Ему сказали, что он «подозревается в пропаганде терроризма».',
    legalBasis: 'УК РК, статья 256 часть 2',
  },
  detention: {
    status: 'imprisoned',
    place: 'Учреждение ЛА-155/14, Рудный',
    heldBy: 'Комитет уголовно-исполнительной системы',
    since: '2018-11-30',
    expectedRelease: '2025-11-30',
    conditions: 'Одиночная камера с марта 2020 года; свидания с семьёй разрешаются раз в полгода.',
    health: 'Қант диабеті, инсулин уақытында берілмейді.',
  },
  charges: [{ article: '256 часть 2', code: 'Уголовный кодекс Республики Казахстан', summary: 'пропаганда терроризма или публичные призывы к его совершению', outcome: 'convicted' }],
  decisions: [
    { id: 'chips-verdict', date: '2019-06-20', stage: 'verdict', body: 'Сарыаркинский районный суд г. Караганды', penalty: { type: 'prison', term: { years: 7 } }, outcome: 'приговор обжалован в апелляционном порядке' },
    { id: 'chips-appeal', date: '2019-09', stage: 'appeal', body: 'Карагандинский областной суд', outcome: 'оставлен без изменения' },
  ],
  recognitions: [{ by: 'Казахстанское международное бюро по правам человека', label: 'political_prisoner', date: '2019-07' }],
  lawyer: 'Әділет Қожахметов, Қарағанды облыстық адвокаттар алқасы',
  events: [
    { id: 'chips-ev1', date: '2018-11-30', type: 'arrest', title: 'Теміртауда ұсталды', description: 'Задержан сотрудниками КНБ у своего дома в Темиртау.' },
    { id: 'chips-ev2', date: '2019-06-20', type: 'verdict', title: 'Приговорён к семи годам лишения свободы' },
  ],
  sources: [{ id: 'chips-src', title: 'Приговор Сарыаркинского районного суда', kind: 'court_document', publisher: 'Сарыаркинский районный суд', publishedOn: '2019-06-20', language: 'ru', text: 'Признать Абишева К. С. виновным по части 2 статьи 256 УК РК.' }],
  deadlines: [{ id: 'chips-dl', date: '2026-12-20', title: 'Подать надзорную жалобу в Верховный суд' }],
  advocacy: [{ id: 'chips-adv', target: 'Рабочая группа по произвольным задержаниям', kind: 'communication', date: '2020-05', reference: 'G/SO 218/2 KAZ', status: 'sent', nextFollowUp: '2026-12' }],
  analysis: { wgadCategories: ['II', 'III'], rightsViolated: ['МПГПП, статья 18', 'МПГПП, статья 19'], argument: 'Разговор о вере защищён статьёй 18 Пакта.' },
  requests: [{ text: 'Немедленно и безоговорочно освободить Кенжебека Әбішева.' }],
  consent: { status: 'given', by: 'ағасы Ерлан Әбішев', date: '2019-01', scope: 'Рабочей группе и в прессе' },
};

const FULL_NGO = {
  id: 'chips-full-ngo',
  kind: 'ngo_suspension',
  title: '«Құқық және заң» қоғамдық қоры — 3 айға тоқтатылды',
  status: 'active',
  country: 'KZ',
  region: 'Астана',
  tags: ['иностранное-финансирование', 'салық-тексеруі'],
  organization: {
    name: '«Құқық және заң» қоғамдық қоры',
    aliases: ['Общественный фонд «Право и закон»', 'Qūqyq jäne zañ Foundation'],
    legalForm: 'қоғамдық қор',
    registrationNumber: '150940012345',
    founded: '2009-04',
    members: 12,
    focus: 'бесплатная юридическая помощь',
    city: 'Астана',
  },
  measure: {
    type: 'suspension',
    authority: 'Министерство юстиции Республики Казахстан',
    legalBasis: 'КоАП РК, статья 489 часть 10',
    aimClaimed: 'защита общественного порядка',
    start: '2024-01-16',
    durationMonths: 3,
    fine: { amount: 2000000, currency: 'KZT', usdApprox: 4300 },
    status: 'appealed',
  },
  appeal: { court: 'Специализированный межрайонный административный суд', filed: '2024-02', outcome: 'pending' },
  analysis: { wgadCategories: [], rightsViolated: ['МПГПП, статья 22'], argument: 'Приостановление на три месяца за опоздание с налоговой отчётностью несоразмерно.' },
};

async function importCases(page: Page, cases: object[]): Promise<void> {
  const bundle = { format: 'casefile-bundle', version: 2, cases };
  await importBundle(page, { name: 'chips15.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByText(`Import finished. Cases in the bundle: ${cases.length}`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

async function openCase(page: Page, id: string, title: string): Promise<void> {
  await page.evaluate(`location.hash = '#/case/${id}'`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/**
 * Every visible input, select and textarea in main whose text does not fit its box, and every
 * label cut or running past its field. Evaluated as text: the tests' tsconfig has no DOM types.
 * A select's text is measured with its own font against the room left beside its arrow.
 */
async function overflowing(page: Page): Promise<{ checked: number; faults: string[] }> {
  return page.evaluate(`(() => {
    const faults = [];
    let checked = 0;
    const ctx = document.createElement('canvas').getContext('2d');
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden');
    const nameOf = (el) => ((el.labels && el.labels[0] && el.labels[0].textContent) || el.getAttribute('aria-label') || el.id || el.tagName).trim();
    for (const el of document.querySelectorAll('main input, main select, main textarea')) {
      if (!shown(el) || ['checkbox', 'radio', 'file', 'hidden', 'range', 'color'].includes(el.type)) continue;
      checked++;
      if (el.tagName === 'SELECT') {
        const option = el.selectedOptions[0];
        if (option) {
          const cs = getComputedStyle(el);
          ctx.font = cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
          const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
          const width = ctx.measureText(option.text).width;
          if (width > room + 1) faults.push('select ' + nameOf(el) + ': "' + option.text + '" needs ' + Math.ceil(width) + 'px of ' + Math.floor(room));
        }
      } else if (el.value !== '' && el.scrollWidth > el.clientWidth + 1) {
        faults.push(el.tagName.toLowerCase() + ' ' + nameOf(el) + ': "' + el.value + '" is ' + el.scrollWidth + 'px in ' + el.clientWidth);
      } else if (el.value !== '' && el.classList.contains('input-line') && el.scrollHeight > el.clientHeight + 1) {
        // A one-line box that wraps must grow with its text, not hide the rest below.
        faults.push('line ' + nameOf(el) + ': "' + el.value + '" is ' + el.scrollHeight + 'px tall in ' + el.clientHeight);
      }
      for (const label of el.labels || []) {
        if (!shown(label)) continue;
        const box = (label.closest('.field') || label.parentElement).getBoundingClientRect();
        const r = label.getBoundingClientRect();
        if (label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1 || r.right > box.right + 1 || r.left < box.left - 1) {
          faults.push('label "' + label.textContent.trim() + '" is cut or runs past its field');
        }
      }
    }
    return { checked, faults };
  })()`);
}

for (const size of SIZES) {
  test(`${size.width}×${size.height}: no input, select, textarea or label in a full case or Settings cuts its text`, async ({ page }) => {
    await page.setViewportSize(size);
    await importCases(page, [FULL_PRISONER, FULL_NGO]);
    for (const c of [FULL_PRISONER, FULL_NGO]) {
      await openCase(page, c.id, c.title);
      // A half-typed tag is text in a box too.
      await section(page, 'Basics').getByLabel('Tags').fill('Специализированный-межрайонный-суд');
      const seen = await overflowing(page);
      expect(seen.faults, c.title).toEqual([]);
      expect(seen.checked).toBeGreaterThan(c.kind === 'political_prisoner' ? 60 : 30);
      // The long chips wrap inside the box, never wider than it.
      for (const chip of await page.locator('main .chip').all()) {
        const [chipBox, fieldBox] = await Promise.all([chip.boundingBox(), chip.locator('xpath=ancestor::div[contains(@class,"chip-box")]').boundingBox()]);
        expect(chipBox!.x + chipBox!.width).toBeLessThanOrEqual(fieldBox!.x + fieldBox!.width + 1);
        expect(await chip.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      }
      await section(page, 'Basics').getByLabel('Tags').fill('');
    }
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const settings = await overflowing(page);
    expect(settings.faults).toEqual([]);
    expect(settings.checked).toBeGreaterThan(3);
  });
}

test('aliases and tags from the keyboard: added as typed, a duplicate refused, removed with Undo, kept after reload and on disk', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Chips — Кенжебек Әбішев', name: 'Кенжебек Әбішев' });
  const person = section(page, 'Person');
  const aliases = person.getByLabel('Other names and spellings');
  await expect(aliases).toHaveAccessibleDescription(/Enter adds the name exactly as typed/);

  // Three scripts, added by Enter, trimmed and otherwise exactly as typed.
  await aliases.focus();
  for (const name of ['Абишев Кенжебек', '  Kenzhebek Abishev ', 'Әбішев, Кенжебек Серікұлы']) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(aliases).toHaveValue('');
  }
  const aliasChips = person.locator('.chip-text');
  await expect(aliasChips).toHaveText(['Абишев Кенжебек', 'Kenzhebek Abishev', 'Әбішев, Кенжебек Серікұлы']);
  await expect(person.getByRole('button', { name: 'Remove alias Абишев Кенжебек', exact: true })).toBeVisible();

  // The same name in other letter case is refused, said in words, and stays in the box to be corrected.
  await page.keyboard.type('абишев кенжебек');
  await page.keyboard.press('Enter');
  const refused = person.getByRole('alert');
  await expect(refused).toHaveText('“абишев кенжебек” is already among the other names, so it was not added again.');
  await expect(aliases).toHaveAttribute('aria-invalid', 'true');
  await expect(aliases).toHaveAccessibleDescription(/already among the other names/);
  await expect(aliases).toHaveValue('абишев кенжебек');
  await expect(aliasChips).toHaveCount(3);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect(refused).toHaveCount(0);

  // Tags: a comma adds as well.
  const basics = section(page, 'Basics');
  const tags = basics.getByLabel('Tags');
  await tags.focus();
  await page.keyboard.type('extremism-charge, діни-сенім,xinjiang');
  await expect(basics.locator('.chip-text')).toHaveText(['extremism-charge', 'діни-сенім']);
  await expect(tags).toHaveValue('xinjiang');
  await page.keyboard.press('Enter');
  await expect(basics.locator('.chip-text')).toHaveText(['extremism-charge', 'діни-сенім', 'xinjiang']);
  await page.keyboard.type('EXTREMISM-CHARGE,');
  await expect(basics.getByRole('alert')).toHaveText('The tag “EXTREMISM-CHARGE” is already there, so it was not added again.');
  await expect(basics.locator('.chip-text')).toHaveCount(3);

  // Backspace in the empty box only goes to the last chip; a second one removes it, Undo brings it back.
  await expect(tags).toHaveValue('');
  await page.keyboard.press('Backspace');
  await expect(basics.getByRole('button', { name: 'Remove tag xinjiang', exact: true })).toBeFocused();
  await expect(basics.locator('.chip-text')).toHaveCount(3);
  await page.keyboard.press('ArrowLeft');
  await expect(basics.getByRole('button', { name: 'Remove tag діни-сенім', exact: true })).toBeFocused();
  await page.keyboard.press('Backspace');
  await expect(basics.locator('.chip-text')).toHaveText(['extremism-charge', 'xinjiang']);
  await expect(basics.getByRole('button', { name: 'Remove tag extremism-charge', exact: true })).toBeFocused();
  const toast = page.locator('.toast').filter({ hasText: 'Tag “діни-сенім” removed.' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(basics.locator('.chip-text')).toHaveText(['extremism-charge', 'діни-сенім', 'xinjiang']);

  // A remove button works from the keyboard like any button.
  await person.getByRole('button', { name: 'Remove alias Kenzhebek Abishev', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(aliasChips).toHaveText(['Абишев Кенжебек', 'Әбішев, Кенжебек Серікұлы']);
  await expect(person.getByRole('button', { name: 'Remove alias Абишев Кенжебек', exact: true })).toBeFocused();
  await expectSaved(page);

  // On disk, exactly as typed (UTF-8, not escaped).
  const file = path.join(dataDir, 'cases', `${id}.json`);
  const bytes = await readFile(file, 'utf8');
  expect(bytes).toContain('"Әбішев, Кенжебек Серікұлы"');
  const disk = await readCaseFile(dataDir, id);
  expect(disk.person.aliases).toEqual(['Абишев Кенжебек', 'Әбішев, Кенжебек Серікұлы']);
  expect(disk.tags).toEqual(['extremism-charge', 'діни-сенім', 'xinjiang']);

  // After a reload the chips are there again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Chips — Кенжебек Әбішев' })).toBeVisible();
  await expect(section(page, 'Person').locator('.chip-text')).toHaveText(['Абишев Кенжебек', 'Әбішев, Кенжебек Серікұлы']);
  await expect(section(page, 'Basics').locator('.chip-text')).toHaveText(['extremism-charge', 'діни-сенім', 'xinjiang']);

  // The exported bundle holds them.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export case' }).click()]);
  const bundle = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(bundle.cases[0].person.aliases).toEqual(['Абишев Кенжебек', 'Әбішев, Кенжебек Серікұлы']);
  expect(bundle.cases[0].tags).toEqual(['extremism-charge', 'діни-сенім', 'xinjiang']);
});

test('an NGO’s other names are chips too, in Russian and Kazakh interfaces', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'ngo', title: 'Chips NGO', name: 'Құқық және заң', authority: 'Ministry of Justice' });
  const org = section(page, 'Organisation');
  await org.getByLabel('Other names and spellings').fill('Общественный фонд «Право и закон»');
  await org.getByLabel('Other names and spellings').press('Enter');
  await expect(org.getByRole('button', { name: 'Remove alias Общественный фонд «Право и закон»', exact: true })).toBeVisible();
  await expectSaved(page);
  expect((await readCaseFile(dataDir, id)).organization.aliases).toEqual(['Общественный фонд «Право и закон»']);

  // Russian: the field, the remove button and the duplicate message in Russian.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Русский' }).check();
  await openCase(page, id, 'Chips NGO');
  const box = page.getByLabel('Другие имена и написания');
  await box.fill('общественный фонд «право и закон»');
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'уже есть среди других имён' })).toHaveText('«общественный фонд «право и закон»» уже есть среди других имён, поэтому повторно не добавлено.');
  await expect(page.getByRole('button', { name: 'Удалить вариант имени Общественный фонд «Право и закон»', exact: true })).toBeVisible();

  // Kazakh: the field found by its Kazakh label, the chip's button named in Kazakh.
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByRole('radio', { name: 'Қазақша' }).check();
  await openCase(page, id, 'Chips NGO');
  const kk = page.getByLabel('Басқа аттары мен жазылу нұсқалары');
  await kk.fill('Құқық және заң қоры');
  await kk.press('Enter');
  await expect(page.getByRole('button', { name: 'Басқа атты алып тастау: Құқық және заң қоры', exact: true })).toBeVisible();
  await expect.poll(async () => (await readCaseFile(dataDir, id)).organization.aliases).toEqual(['Общественный фонд «Право и закон»', 'Құқық және заң қоры']);
});
