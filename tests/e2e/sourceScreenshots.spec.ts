import path from 'node:path';
import { expect, test } from './fixtures';
import { importBundle } from './helpers';
import { annotationPanel, dragSelect, marks, reader, sourcesSection } from './sourcesHelpers';

// Screenshots of the reading view with its highlights and of the annotation list, for
// a human to look at (test-results/screenshots/browser-sources*.png).

const shots = path.join('test-results', 'screenshots');

const TEXT = [
  'Алматы, 12 наурыз 2024. Алматы қаласының мамандандырылған ауданаралық соты белсенді Әділет Серікұлын екі жылға бас бостандығын шектеуге соттады.',
  '',
  'Суд признал его виновным по статье 174 Уголовного кодекса («возбуждение социальной розни») за публикации в социальных сетях.',
  'Адвокат заявила, что приговор будет обжалован, а защита не смогла допросить ключевых свидетелей обвинения.',
  '',
  'Human Rights Watch called the trial “a show trial” and urged the authorities to release him.',
  'עדכון: הארגון דורש את שחרורו המיידי.',
].join('\n');

function at(quote: string) {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(quote);
  return { quote: { exact: quote }, position: { start, end: start + quote.length } };
}

const bundle = {
  format: 'casefile-bundle',
  version: 1,
  exportedAt: '2026-11-22T10:00:00.000Z',
  cases: [
    {
      kind: 'political_prisoner',
      title: 'Әділет Серікұлы — art. 174 case',
      person: { name: 'Әділет Серікұлы' },
      events: [{ id: 'ev1', date: '2024-03-12', type: 'verdict', title: 'Sentenced to two years of restricted freedom', sourceIds: ['src1'] }],
      sources: [
        { id: 'src1', title: 'Сот үкімі — Kazinform', kind: 'article', publisher: 'Kazinform', publishedOn: '2024-03-12', language: 'kk', text: TEXT },
        { id: 'src2', title: 'Lawyer’s memo', kind: 'other', text: 'Internal memo: the witness list was refused on 2024-02-01.', confidential: true },
      ],
      annotations: [
        { id: 'a1', sourceId: 'src1', target: at('екі жылға бас бостандығын шектеуге соттады'), body: 'The sentence: 2 years of restricted freedom.', tags: ['sentence'] },
        { id: 'a2', sourceId: 'src1', target: at('бас бостандығын шектеуге'), body: 'Restricted freedom, not prison.', tags: ['sentence', 'evidence'] },
        { id: 'a3', sourceId: 'src1', target: at('статье 174 Уголовного кодекса'), body: 'Art. 174 — vague “social discord” charge (ICCPR 19).', tags: ['charge'] },
        { id: 'a4', sourceId: 'src1', target: at('защита не смогла допросить ключевых свидетелей'), body: 'Fair-trial violation (ICCPR 14.3.e).', tags: ['fair-trial'], confidential: true },
        { id: 'a5', sourceId: 'src1', target: { quote: { exact: 'was sentenced in absentia by a military court' } }, body: 'From an older version of the article.', tags: ['evidence'] },
        { id: 'a6', body: 'Ask the family whether the appeal was filed — Қ Ө Ү Ұ Ә Ғ Ң І Һ.', tags: ['todo'], confidential: true },
        // Annotated on an older version with a typo the article has since fixed: found, but changed.
        { id: 'a7', sourceId: 'src1', target: { quote: { exact: 'возбуждение социальной розни») за публикацыи в социальных сетях' } }, body: 'The posts in question.', tags: ['evidence'] },
      ],
    },
  ],
};

test('reading view and annotation list screenshots', async ({ page }, testInfo) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await importBundle(page, { name: 'sources.casefile.json', buffer: Buffer.from(JSON.stringify(bundle), 'utf8') });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByText('Import finished. Cases in the bundle: 1')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: /Әділет Серікұлы/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Әділет Серікұлы — art. 174 case' })).toBeVisible();

  // The nav entry leads to the annotation list.
  await page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('button', { name: 'Annotations and notes' }).click();
  await expect(page.getByRole('heading', { name: /Annotations and notes/, level: 3 })).toBeFocused();

  await sourcesSection(page).getByRole('button', { name: 'Read “Сот үкімі — Kazinform”' }).click();
  await expect(marks(page).first()).toBeVisible();
  await expect(annotationPanel(page).getByRole('region', { name: /Orphaned/ }).locator('.ann-quote')).toHaveText('was sentenced in absentia by a military court');
  const changed = annotationPanel(page).getByRole('region', { name: /Passage changed — review/ });
  await expect(changed.locator('.changed-now')).toHaveText('возбуждение социальной розни») за публикации в социальных сетях');
  await expect(marks(page).and(page.locator('.is-changed')).first()).toBeVisible();
  // Every form control carries a label.
  // Controls hidden from assistive technology (the native date picker behind the calendar button) are not offered to anyone.
  const unlabelled = "[...document.querySelectorAll('input, select, textarea')].filter((el) => el.labels.length === 0 && el.getAttribute('aria-hidden') !== 'true').map((el) => el.outerHTML)";
  expect(await page.evaluate(unlabelled)).toEqual([]);

  await page.setViewportSize({ width: 1360, height: 1100 });
  await annotationPanel(page).getByRole('button', { name: /^статье 174/ }).click();
  await page.waitForTimeout(2000); // let the flash finish
  const section = sourcesSection(page);
  await section.scrollIntoViewIfNeeded();
  const readingShot = path.join(shots, `${testInfo.project.name}-sources.png`);
  await section.screenshot({ path: readingShot });
  await testInfo.attach('sources', { path: readingShot, contentType: 'image/png' });

  // A window tall enough for the whole list (it scrolls on its own in a shorter one).
  await page.setViewportSize({ width: 1360, height: 1500 });
  const listShot = path.join(shots, `${testInfo.project.name}-sources-list.png`);
  await annotationPanel(page).scrollIntoViewIfNeeded();
  await annotationPanel(page).screenshot({ path: listShot });
  await page.setViewportSize({ width: 1360, height: 1100 });
  await testInfo.attach('sources-list', { path: listShot, contentType: 'image/png' });

  // The popover over a fresh selection, and the editor of a highlight.
  await dragSelect(page, 'Human Rights Watch');
  await expect(page.getByRole('dialog', { name: 'New annotation' })).toBeVisible();
  const popShot = path.join(shots, `${testInfo.project.name}-sources-popover.png`);
  await page.screenshot({ path: popShot });
  await testInfo.attach('sources-popover', { path: popShot, contentType: 'image/png' });
  await page.keyboard.press('Escape');

  await marks(page).filter({ hasText: 'бас бостандығын шектеуге' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Annotation' })).toBeVisible();
  const editorShot = path.join(shots, `${testInfo.project.name}-sources-editor.png`);
  await page.screenshot({ path: editorShot });
  await testInfo.attach('sources-editor', { path: editorShot, contentType: 'image/png' });
  await page.keyboard.press('Escape');

  // The same view in Russian.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Русский' }).check();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Әділет Серікұлы — art. 174 case' })).toBeVisible();
  // The reading view is still open on the source it showed before.
  await expect(page.getByRole('region', { name: 'Источники', exact: true }).getByRole('button', { name: 'Читать «Сот үкімі — Kazinform»' })).toHaveAttribute('aria-pressed', 'true');
  await expect(reader(page).getByRole('heading', { level: 3, name: 'Сот үкімі — Kazinform' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: /Аннотации и заметки/ }).getByRole('region', { name: /Потерянные/ })).toBeVisible();
  await expect(page.getByRole('complementary', { name: /Аннотации и заметки/ }).getByRole('region', { name: /Фрагмент изменился/ })).toBeVisible();
  const ruShot = path.join(shots, `${testInfo.project.name}-sources-ru.png`);
  await page.getByRole('region', { name: 'Источники', exact: true }).screenshot({ path: ruShot });
  await testInfo.attach('sources-ru', { path: ruShot, contentType: 'image/png' });

  expect(violations).toEqual([]);
});
