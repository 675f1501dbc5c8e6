import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createCase, expectSaved, readCaseFile, section } from './helpers';
import { addPastedSource, marks, reader } from './sourcesHelpers';

// Issue 15: a new annotation made without the mouse. From the case view: Tab to the
// source, Enter opens it, Tab into its text, arrows move a caret by word, Shift+arrows
// select whole words (Kazakh, Russian, an emoji), Enter or A opens the same form a mouse
// selection opens, and the annotation lands on disk with the exact words and offsets.
// A screen reader hears what is selected through a live region.

/** Presses Tab until `target` has focus; fails if it is not reachable within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** What the page's selection holds, as the user sees it painted. */
function selectedText(page: Page): Promise<string> {
  return page.evaluate('window.getSelection().toString()') as Promise<string>;
}

function caretLeft(page: Page): Promise<number> {
  return reader(page)
    .locator('.kb-caret')
    .evaluate((el) => (el as unknown as { offsetLeft: number }).offsetLeft);
}

const KK_TITLE = 'Алматы соты: үкім';
const KK_TEXT = ['Алматы қаласының соты белсендіні екі жылға бас бостандығынан айырды.', 'Адвокат үкімге шағымданатынын мәлімдеді.'].join('\n');

test('keyboard annotation from Tab to saved annotation: two Kazakh words, announced, on disk and after a reload', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Keyboard annotation — art. 174', name: 'Айгүл Серікқызы' });
  await addPastedSource(page, { title: KK_TITLE, text: KK_TEXT, language: 'kk' });
  await expectSaved(page);
  // Start again from a plain case view, reader closed; from here on only the keyboard.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(reader(page)).toHaveCount(0);

  const open = section(page, 'Sources').getByRole('button', { name: `Read “${KK_TITLE}”` });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const text = page.getByRole('document', { name: `Text of “${KK_TITLE}”` });
  await expect(text).toBeVisible();
  await expect(reader(page).getByText('Shift with an arrow selects words; Enter or A opens the annotation form')).toBeVisible();

  await tabTo(page, text, 20);
  await expect(text).toHaveCSS('outline-style', 'solid');
  // One tab stop: the caret is drawn at the first letter, nothing selected yet.
  const caret = reader(page).locator('.kb-caret');
  await expect(caret).toBeVisible();
  const atStart = await caretLeft(page);
  expect(await selectedText(page)).toBe('');

  // → moves over "Алматы"; the live region reads the word passed.
  await page.keyboard.press('ArrowRight');
  const live = reader(page).locator('.kb-live');
  await expect(live).toHaveText('Алматы');
  expect(await caretLeft(page)).toBeGreaterThan(atStart);
  await expect(text).toBeFocused();

  // Shift+→ twice: two whole words, painted as a mouse selection is.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  expect((await selectedText(page)).trim()).toBe('қаласының соты');
  await expect(live).toHaveText('Selected: “қаласының соты”. Press Enter or A to annotate.');
  // For a human to look at: the caret, the painted selection, the hint.
  await reader(page).screenshot({ path: path.join('test-results', 'screenshots', `${test.info().project.name}-keyboard-selection.png`) });

  // Escape drops the selection (the reader stays open); Shift+← ← takes it back word by word.
  await page.keyboard.press('Escape');
  await expect(live).toHaveText('Selection dropped.');
  expect(await selectedText(page)).toBe('');
  await expect(text).toBeFocused();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  expect((await selectedText(page)).trim()).toBe('қаласының соты');
  await expect(live).toHaveText('Selected: “қаласының соты”. Press Enter or A to annotate.');

  // Enter opens the same form a mouse selection opens, on the same words.
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'New annotation' });
  await expect(popover).toBeVisible();
  await expect(popover.locator('.ann-popover-quote')).toHaveText('“қаласының соты”');
  await expect(popover.getByLabel('Comment')).toBeFocused();
  await page.keyboard.type('Соттың атауы толық емес');
  await tabTo(page, popover.getByRole('button', { name: 'Save annotation' }), 10);
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  await expect(marks(page)).toHaveText('қаласының соты');
  await expect(marks(page)).toBeFocused();
  // From the new highlight, an arrow takes the caret back into the text at its first letter.
  await page.keyboard.press('ArrowRight');
  await expect(text).toBeFocused();
  await expect(live).toHaveText('қаласының');
  await expectSaved(page);

  const file = await readCaseFile(dataDir, id);
  expect(file.annotations).toHaveLength(1);
  const start = KK_TEXT.indexOf('қаласының соты');
  expect(file.annotations[0].target.quote.exact).toBe('қаласының соты');
  expect(file.annotations[0].target.position).toEqual({ start, end: start + 'қаласының соты'.length });
  expect(file.annotations[0].body).toBe('Соттың атауы толық емес');

  // After a reload the annotation is in the side panel and on the same words.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  await expect(marks(page)).toHaveText('қаласының соты');
  const panel = page.getByRole('complementary', { name: /Annotations and notes/ });
  await expect(panel.getByRole('region', { name: new RegExp(KK_TITLE) }).getByText('қаласының соты')).toBeVisible();

  // Enter with nothing selected says how to select; Settings lists the keys.
  await tabTo(page, text, 20);
  await page.keyboard.press('Enter');
  await expect(live).toHaveText('Nothing is selected: hold Shift and press → to select words, then press Enter.');
  await expect(page.getByRole('dialog', { name: 'New annotation' })).toHaveCount(0);

  // Shift+End takes the paragraph to its end, Ctrl+End goes to the text's end, Shift+Home
  // back to its paragraph's start, Shift+↑ a line further up.
  const [first, second] = KK_TEXT.split('\n') as [string, string];
  await page.keyboard.press('Shift+End');
  expect(await selectedText(page)).toBe(first);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+Home');
  expect(await selectedText(page)).toBe(second);
  await page.keyboard.press('Shift+ArrowUp');
  const upward = await selectedText(page);
  expect(upward.endsWith(second)).toBe(true);
  expect(upward.length).toBeGreaterThan(second.length + 1);
  await page.keyboard.press('Escape');

  // The keys are listed with the others in Settings.
  await page.getByRole('link', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Shift \+ ← →, Enter.*select words \(Shift and the arrows\), then open the annotation form \(Enter or A\)/ })).toBeVisible();
});

const RU_TITLE = 'Постановление суда';
const RU_TEXT = 'Суд отказал 👩‍⚖️ защите в вызове свидетелей.\nПостановление обжаловано.';

test('keyboard annotation in Russian, across an emoji, with the A key: whole characters, Russian announcement', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Клавиатура — ст. 405', name: 'Иван Петров' });
  await addPastedSource(page, { title: RU_TITLE, text: RU_TEXT, language: 'ru' });
  await expectSaved(page);
  await page.evaluate("localStorage.setItem('casefile.language', 'ru')");
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const open = section(page, 'Источники').getByRole('button', { name: `Читать «${RU_TITLE}»` });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const text = page.getByRole('document', { name: `Текст «${RU_TITLE}»` });
  await tabTo(page, text, 20);
  await expect(reader(page).locator('.kb-caret')).toBeVisible();

  // Over "отказал", the emoji and "защите": the woman-judge sequence (four code points
  // joined) is taken whole or not at all, never cut in the middle.
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  const phrase = 'отказал 👩‍⚖️ защите';
  expect((await selectedText(page)).trim()).toBe(phrase);
  await expect(reader(page).locator('.kb-live')).toHaveText(`Выделено: «${phrase}». Нажмите Enter или A, чтобы добавить аннотацию.`);

  // A (by its place on the keyboard, ф in a Russian layout) opens the form.
  await page.keyboard.press('KeyA');
  const popover = page.getByRole('dialog', { name: 'Новая аннотация' });
  await expect(popover.locator('.ann-popover-quote')).toHaveText(`“${phrase}”`);
  // Escape closes the form and gives the caret back where the selection ended.
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(text).toBeFocused();
  expect(await selectedText(page)).toBe('');
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await selectedText(page)).toBe('защите');
  await expect(reader(page).locator('.kb-live')).toHaveText('Выделено: «защите». Нажмите Enter или A, чтобы добавить аннотацию.');

  // Back to a clean selection from the start: Home, → , Shift+→ ×3.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  expect((await selectedText(page)).trim()).toBe(phrase);
  await page.keyboard.press('KeyA');
  await expect(popover.getByLabel('Комментарий')).toBeFocused();
  await page.keyboard.type('Отказ в вызове свидетелей');
  await page.keyboard.press('Control+Enter');
  await expect(popover).toBeHidden();
  await expect(marks(page)).toHaveText(phrase);
  await expect(page.locator('.save-status')).toHaveText('Сохранено');

  const file = await readCaseFile(dataDir, id);
  const start = RU_TEXT.indexOf(phrase);
  expect(file.annotations.map((a: { target: { quote: { exact: string }; position: unknown } }) => [a.target.quote.exact, a.target.position])).toEqual([
    [phrase, { start, end: start + phrase.length }],
  ]);
  expect(file.annotations[0].body).toBe('Отказ в вызове свидетелей');
});
