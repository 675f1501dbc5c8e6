import type { Locator, Page } from '@playwright/test';
import { makeTarget } from '../../shared/text/anchor';
import { expect, test } from './fixtures';
import { importBundle } from './helpers';

// Opening a search hit lands on the match, from the keyboard only: a passage far down
// a long source (found by a Cyrillic query for Latin words) shows painted and in view
// in the reading view; a decision's court and an advocacy note far down the case get
// focus with the words selected; an annotation opens its source at its highlight and
// is selected in the list. Each time the match is inside `main`'s visible part, below
// the sticky header, and a screen reader is told where it is.

const filler = (n: number, what: string) => Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of the ${what}, read aloud at length in the courtroom.`).join('\n\n');
const PASSAGE = 'The witness Zhanbolat Mamyrov withdrew his testimony in court.';
const ANNOTATED = 'The prosecutor read the indictment a second time.';
const TEXT = `${filler(250, 'hearing record')}\n\n${PASSAGE}\n\n${filler(40, 'record')}\n\n${ANNOTATED}\n\n${filler(10, 'closing')}`;
const at = TEXT.indexOf(ANNOTATED);

const bundle = {
  format: 'casefile-bundle',
  version: 1,
  exportedAt: '2026-12-01T10:00:00.000Z',
  cases: [
    {
      kind: 'political_prisoner',
      title: 'Journalist held in custody',
      person: { name: 'Erlan Kaliyev' },
      summary: 'Held after the January events.',
      decisions: [
        { stage: 'verdict', body: 'Almaty city court', outcome: 'seven years' },
        { stage: 'appeal', body: 'Appellate collegium of the Karaganda regional court', outcome: 'upheld' },
      ],
      events: Array.from({ length: 12 }, (_, i) => ({ type: 'hearing', title: `Hearing number ${i + 1}`, description: 'The defence asked to call a witness.' })),
      advocacy: [{ target: 'UN special procedures', kind: 'communication', status: 'sent', notes: 'Follow up with the secretariat in Geneva after the session.' }],
      sources: [{ id: 'src-record', title: 'Hearing record', kind: 'court_document', text: TEXT }],
      annotations: [{ id: 'ann-prosecutor', sourceId: 'src-record', target: makeTarget(TEXT, at, at + ANNOTATED.length), body: 'Key retraction: cite in the appeal.', tags: [], confidential: false }],
    },
  ],
};

async function importCase(page: Page): Promise<void> {
  await importBundle(page, { name: 'landing.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByText('Import finished. Cases in the bundle: 1')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/** Search from the keyboard: Ctrl+Shift+F, the words, Enter once the hit is listed. */
async function openHit(page: Page, query: string, field: string): Promise<void> {
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('combobox', { name: 'Search all case text' });
  await expect(search).toBeFocused();
  await page.keyboard.type(query);
  const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(option).toContainText(`found in: ${field}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Journalist held in custody' })).toBeVisible();
}

/** The part of `main` a user sees: below the sticky case header, above main's bottom. */
async function visibleBand(page: Page): Promise<{ top: number; bottom: number }> {
  const main = await page.locator('main#main').boundingBox();
  const header = await page.locator('.case-header').boundingBox();
  return { top: header!.y + header!.height, bottom: main!.y + main!.height };
}

async function expectInBand(page: Page, box: { y: number; height: number } | null, inner?: Locator): Promise<void> {
  expect(box).not.toBeNull();
  const band = await visibleBand(page);
  expect(box!.y).toBeGreaterThanOrEqual(band.top);
  expect(box!.y + box!.height).toBeLessThanOrEqual(band.bottom);
  if (inner) {
    const region = (await inner.boundingBox())!;
    expect(box!.y).toBeGreaterThanOrEqual(region.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(region.y + region.height);
  }
}

/** The words the landing highlight paints, with where they are on screen (evaluated as text: the tests' tsconfig has no DOM types). */
async function painted(page: Page): Promise<{ text: string; y: number; height: number }[]> {
  return page.evaluate(`(() => {
    const h = CSS.highlights.get('search-landing');
    return h ? [...h].map((r) => ({ text: r.toString(), y: r.getBoundingClientRect().y, height: r.getBoundingClientRect().height })) : [];
  })()`);
}

/** The selected words of a text box. */
const selected = (box: Locator) =>
  box.evaluate((el) => {
    const b = el as unknown as { value: string; selectionStart: number; selectionEnd: number };
    return b.value.slice(b.selectionStart, b.selectionEnd);
  });

const announcer = (page: Page) => page.locator('#search-landing-announcer');

test('a passage far down a long source: the reader opens on it, painted and in view', async ({ page }) => {
  await importCase(page);
  await openHit(page, 'Мамыров', 'sources');

  const reader = page.getByRole('region', { name: 'Hearing record', exact: true });
  await expect(reader).toBeVisible();
  const scroll = reader.getByRole('document', { name: /Hearing record/ });
  await expect.poll(async () => (await painted(page)).map((p) => p.text)).toEqual(['Mamyrov']);
  // Far down: the reader scrolled a long way to show it.
  expect(await scroll.evaluate((el) => el.scrollTop)).toBeGreaterThan(2000);
  const [mark] = await painted(page);
  await expectInBand(page, mark!, scroll);
  await expect(scroll).toBeFocused();
  await expect(announcer(page)).toHaveText('Match in Sources: Mamyrov');
  await expect(announcer(page)).toHaveAttribute('role', 'status');
  // The document itself never scrolls: only main does.
  expect(await page.evaluate('document.scrollingElement.scrollTop')).toBe(0);

  // It stays while reading on (arrows), and goes at the next action.
  await page.keyboard.press('ArrowDown');
  expect((await painted(page)).length).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await painted(page)).length).toBe(0);
});

test('a decision’s court and an advocacy note far down the case: the field focused, the words selected', async ({ page }) => {
  await importCase(page);
  await openHit(page, 'Karaganda collegium', 'details');

  const court = page.getByRole('region', { name: 'Decisions' }).getByRole('textbox', { name: 'Court or authority' }).nth(1);
  await expect(court).toBeFocused();
  await expect(court).toHaveValue('Appellate collegium of the Karaganda regional court');
  expect(await selected(court)).toBe('collegium of the Karaganda');
  await expect(court).toHaveClass(/search-landed/);
  await expectInBand(page, await court.boundingBox());
  await expect(announcer(page)).toHaveText('Match in Decisions and penalties');

  // Back to the list (Alt+Left is the browser's own back), a second search.
  await page.goBack();
  await page.keyboard.press('Control+Shift+F');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await openHit(page, 'secretariat Geneva', 'details');
  const notes = page.getByRole('region', { name: 'Advocacy' }).getByRole('textbox', { name: 'Working notes' });
  await expect(notes).toBeFocused();
  expect(await selected(notes)).toBe('secretariat in Geneva');
  await expectInBand(page, await notes.boundingBox());
  expect(await page.locator('main#main').evaluate((el) => el.scrollTop)).toBeGreaterThan(500);
});

test('an annotation: its source opens at its highlight, selected in the annotation list', async ({ page }) => {
  await importCase(page);
  await openHit(page, 'retraction', 'annotations');

  const reader = page.getByRole('region', { name: 'Hearing record', exact: true });
  await expect(reader).toBeVisible();
  const mark = reader.locator('mark[data-ids~="ann-prosecutor"]');
  await expect(mark).toBeFocused();
  await expect(mark).toHaveText(ANNOTATED);
  await expect(mark).toHaveClass(/is-active/);
  await expectInBand(page, await mark.boundingBox(), reader.getByRole('document', { name: /Hearing record/ }));
  await expect(page.locator('.ann-item[data-annotation-id="ann-prosecutor"]')).toHaveClass(/is-active/);
  await expect(announcer(page)).toHaveText(`Match in Annotations and notes: ${ANNOTATED}`);
});

test.describe('at 1024×700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('a name (quoted without a place: the field is found by its words) and a passage, below the sticky header', async ({ page }) => {
    await importCase(page);
    // Cyrillic query, Latin name.
    await openHit(page, 'Калиев', 'names');
    const name = page.getByRole('region', { name: 'Person', exact: true }).getByRole('textbox', { name: 'Person’s name' });
    await expect(name).toBeFocused();
    expect(await selected(name)).toBe('Kaliyev');
    await expectInBand(page, await name.boundingBox());
    await expect(announcer(page)).toHaveText('Match in Person');

    await page.goBack();
    await page.keyboard.press('Control+Shift+F');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await openHit(page, 'Mamyrov testimony', 'sources');
    const scroll = page.getByRole('region', { name: 'Hearing record', exact: true }).getByRole('document', { name: /Hearing record/ });
    await expect.poll(async () => (await painted(page)).map((p) => p.text)).toEqual(['Mamyrov withdrew his testimony']);
    await expectInBand(page, (await painted(page))[0]!, scroll);
    await expect(scroll).toBeFocused();
    expect(await page.evaluate('document.scrollingElement.scrollTop')).toBe(0);
  });
});

test('in the Kazakh interface: the passage lands and is said in Kazakh', async ({ page }) => {
  await importCase(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Қазақша' }).check();
  await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: 'Істер' }).click();
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByRole('combobox', { name: 'Барлық істердің мәтінінен іздеу' })).toBeFocused();
  await page.keyboard.type('Мамыров');
  await expect(page.getByRole('listbox', { name: 'Іздеу нәтижелері' }).getByRole('option').first()).toContainText('Journalist held in custody');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await painted(page)).map((p) => p.text)).toEqual(['Mamyrov']);
  await expect(announcer(page)).toHaveText('«Дереккөздер» бөліміндегі сәйкестік: Mamyrov');
});
