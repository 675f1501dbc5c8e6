import { expect, type Page } from '@playwright/test';
import { section } from './helpers';

// Shared steps of the sources and annotations specs.

export function sourcesSection(page: Page) {
  return section(page, 'Sources');
}

export function reader(page: Page) {
  return page.locator('section.reader');
}

export function annotationPanel(page: Page) {
  return page.getByRole('complementary', { name: /Annotations and notes/ });
}

/** Adds a source by pasting its text; the reading view opens on it. */
export async function addPastedSource(
  page: Page,
  fields: { title: string; text: string; publisher?: string; publishedOn?: string; language?: string; confidential?: boolean },
): Promise<void> {
  await sourcesSection(page).getByRole('button', { name: 'Add source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a source' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Title').fill(fields.title);
  if (fields.publisher) await dialog.getByLabel('Publisher').fill(fields.publisher);
  if (fields.publishedOn) await dialog.getByLabel('Published', { exact: true }).fill(fields.publishedOn);
  if (fields.language) await dialog.getByLabel('Language').fill(fields.language);
  if (fields.confidential) await dialog.getByRole('checkbox', { name: /Confidential source/ }).check();
  await dialog.getByLabel('Text', { exact: true }).fill(fields.text);
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  await expect(reader(page).getByRole('heading', { level: 3, name: fields.title })).toBeVisible();
}

type Box = { x1: number; y1: number; x2: number; y2: number };

// Runs in the page (kept as text: the tests are type-checked without the DOM library).
// Rebuilds the source text from the runs' data-start offsets (line breaks sit between
// paragraphs), finds the phrase, and returns its first and last line box on screen.
const PHRASE_BOX = `(({ phrase, occurrence }) => {
  const root = document.querySelector('.reader-text');
  const runs = [...root.querySelectorAll('span[data-start], mark[data-start]')];
  let full = '';
  for (const r of runs) full = full.padEnd(Number(r.dataset.start), '\\n') + (r.textContent ?? '');
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = full.indexOf(phrase, at + 1);
  if (at < 0) throw new Error('"' + phrase + '" is not in the reading view');
  const point = (offset, atEnd) => {
    const run = runs.find((r) => {
      const s = Number(r.dataset.start);
      const e = Number(r.dataset.end);
      return atEnd ? s < offset && offset <= e : s <= offset && offset < e;
    });
    return { node: run.firstChild, offset: offset - Number(run.dataset.start) };
  };
  const a = point(at, false);
  const b = point(at + phrase.length, true);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  const first = rects[0];
  const last = rects[rects.length - 1];
  return { x1: first.left, y1: first.top + first.height / 2, x2: last.right, y2: last.top + last.height / 2 };
})`;

/** Where `phrase` is on screen in the reading view. */
async function phraseBox(page: Page, phrase: string, occurrence = 0): Promise<Box> {
  return (await page.evaluate(`${PHRASE_BOX}(${JSON.stringify({ phrase, occurrence })})`)) as Box;
}

/** Selects `phrase` in the reading view with a real mouse drag, from its first letter to its last. */
export async function dragSelect(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const b = await phraseBox(page, phrase, occurrence);
  await page.mouse.move(b.x1 + 1, b.y1);
  await page.mouse.down();
  await page.mouse.move((b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2, { steps: 4 });
  await page.mouse.move(b.x2 - 1, b.y2, { steps: 4 });
  await page.mouse.up();
}

/** Selects `phrase` and saves an annotation on it through the popover. */
export async function annotate(page: Page, phrase: string, fields: { body: string; tags?: string; confidential?: boolean }): Promise<void> {
  await dragSelect(page, phrase);
  const popover = page.getByRole('dialog', { name: 'New annotation' });
  await expect(popover).toBeVisible();
  await expect(popover.locator('.ann-popover-quote')).toHaveText(`“${phrase}”`);
  await expect(popover.getByLabel('Comment')).toBeFocused();
  await popover.getByLabel('Comment').fill(fields.body);
  if (fields.tags) await popover.getByLabel('Tags').fill(fields.tags);
  if (fields.confidential) await popover.getByRole('checkbox', { name: 'Confidential' }).check();
  await popover.getByRole('button', { name: 'Save annotation' }).click();
  await expect(popover).toBeHidden();
}

/** The highlight marks of one annotation, found by its comment (shown as their title). */
export function marks(page: Page) {
  return reader(page).locator('.reader-text mark.hl');
}
