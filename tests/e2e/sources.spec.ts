import { expect, test } from './fixtures';
import { createCase, expectSaved, readCaseFile } from './helpers';
import { addPastedSource, annotate, annotationPanel, dragSelect, marks, reader, sourcesSection } from './sourcesHelpers';

// Sources and annotations through the UI: a pasted Kazakh/Russian text, a highlight made
// with the mouse, and the highlight kept on the same words when the text changes — or
// listed as orphaned, never dropped, when its words are gone. Each step is checked on
// screen and in the case file on disk.

const TITLE = 'Алматы соты: үкім';
const TEXT = [
  'Алматы қаласының соты белсендіні екі жылға бас бостандығынан айырды.',
  'Адвокат үкімге шағымданатынын мәлімдеді.',
  'Суд отказал в удовлетворении ходатайства защиты о вызове свидетелей.',
].join('\n');
const PHRASE = 'екі жылға бас бостандығынан';

test('annotate a pasted Kazakh text; the highlight survives a reload, an edit above it, and is orphaned (kept) when its words go', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Сources case — art. 174', name: 'Айгүл Серікқызы' });
  await addPastedSource(page, { title: TITLE, text: TEXT, publisher: 'Kazinform', publishedOn: '2024-03', language: 'kk' });

  // An invalid date in the dialog is flagged inline and nothing is sent.
  await sourcesSection(page).getByRole('button', { name: `Edit “${TITLE}”` }).click();
  const editDialog = page.getByRole('dialog', { name: 'Edit the source' });
  await editDialog.getByLabel('Published', { exact: true }).fill('2024-13');
  await expect(editDialog.getByText('There is no such date: check the day and the month')).toBeVisible();
  await editDialog.getByRole('button', { name: 'Save' }).click();
  await expect(editDialog.getByText('Fill in the required fields marked *')).toBeVisible();
  await editDialog.getByLabel('Published', { exact: true }).fill('2024-03-12');
  await editDialog.getByRole('button', { name: 'Save' }).click();
  await expect(editDialog).toBeHidden();

  await annotate(page, PHRASE, { body: 'Срок: два года ограничения свободы', tags: 'sentence, evidence' });
  await expect(marks(page)).toHaveCount(1);
  await expect(marks(page)).toHaveText(PHRASE);
  await expectSaved(page);

  let file = await readCaseFile(dataDir, id);
  expect(file.sources).toHaveLength(1);
  expect(file.sources[0].text).toBe(TEXT);
  expect(file.sources[0].publishedOn).toBe('2024-03-12');
  expect(file.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  // The sha256 is shown: the first 12 hex digits, the whole of it in the tooltip.
  const sha = sourcesSection(page).locator('.source-card code.sha');
  await expect(sha).toHaveText(file.sources[0].sha256.slice(0, 12));
  await expect(sha).toHaveAttribute('title', file.sources[0].sha256);
  expect(file.annotations).toHaveLength(1);
  const a = file.annotations[0];
  const start = TEXT.indexOf(PHRASE);
  expect(a.sourceId).toBe(file.sources[0].id);
  expect(a.target.quote.exact).toBe(PHRASE);
  expect(a.target.position).toEqual({ start, end: start + PHRASE.length });
  expect(a.body).toBe('Срок: два года ограничения свободы');
  expect(a.tags).toEqual(['sentence', 'evidence']);
  expect(a.confidential).toBe(false);

  // After a reload the highlight is on the same words.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await sourcesSection(page).getByRole('button', { name: `Read “${TITLE}”` }).click();
  await expect(marks(page)).toHaveText(PHRASE);
  // It is listed under its source; a click there opens the passage and flashes it.
  const panel = annotationPanel(page);
  await expect(panel.getByRole('region', { name: new RegExp(TITLE) }).getByText(PHRASE)).toBeVisible();
  await panel.getByRole('button', { name: new RegExp(`^${PHRASE}`) }).click();
  await expect(marks(page).first()).toHaveClass(/is-flashing/);
  await expect(marks(page).first()).toBeFocused();

  // A paragraph inserted above: the highlight stays on its words, the stored position moves.
  const intro = 'Жаңалық: 12 наурыз 2024 жыл.';
  await reader(page).getByRole('button', { name: 'Edit source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit the source' });
  await expect(dialog.getByText('Highlights in this text: 1.', { exact: false })).toBeVisible();
  await dialog.getByLabel('Text', { exact: true }).fill(`${intro}\n${TEXT}`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(page);
  await expect(marks(page)).toHaveText(PHRASE);
  file = await readCaseFile(dataDir, id);
  const moved = start + intro.length + 1;
  expect(file.annotations[0].target.quote.exact).toBe(PHRASE);
  expect(file.annotations[0].target.position).toEqual({ start: moved, end: moved + PHRASE.length });
  expect(file.sources[0].text.slice(moved, moved + PHRASE.length)).toBe(PHRASE);

  await page.reload();
  await sourcesSection(page).getByRole('button', { name: `Read “${TITLE}”` }).click();
  await expect(marks(page)).toHaveText(PHRASE);
  await expect(reader(page).locator('.src-para').first()).toHaveText(intro);

  // The phrase deleted: the annotation is orphaned, listed with its quote and reason,
  // and its target on disk is exactly what it was.
  const before = (await readCaseFile(dataDir, id)).annotations[0];
  await reader(page).getByRole('button', { name: 'Edit source' }).click();
  await dialog.getByLabel('Text', { exact: true }).fill(`${intro}\n${TEXT.replace(`${PHRASE} `, '')}`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expectSaved(page);
  await expect(marks(page)).toHaveCount(0);
  const orphaned = panel.getByRole('region', { name: /Orphaned/ });
  await expect(orphaned).toBeVisible();
  await expect(orphaned.locator('.ann-quote')).toHaveText(PHRASE);
  await expect(orphaned.locator('.orphan-reason')).toContainText('no longer in the text');
  await expect(reader(page).getByText('orphaned: 1')).toBeVisible();
  file = await readCaseFile(dataDir, id);
  expect(file.annotations).toHaveLength(1);
  expect(file.annotations[0]).toEqual(before);

  await page.reload();
  await expect(annotationPanel(page).getByRole('region', { name: /Orphaned/ }).locator('.ann-quote')).toHaveText(PHRASE);

  // Re-attach it: select new words in the reading view and attach the orphan there.
  await annotationPanel(page).getByRole('button', { name: 'Re-attach…' }).click();
  await expect(reader(page).getByText('Select the passage to attach this orphaned annotation to:')).toBeVisible();
  await dragSelect(page, 'белсендіні');
  const attach = page.getByRole('dialog', { name: 'Re-attach an orphaned annotation' });
  await expect(attach.getByRole('button', { name: 'Attach here' })).toBeFocused();
  await attach.getByRole('button', { name: 'Attach here' }).click();
  await expectSaved(page);
  await expect(marks(page)).toHaveText('белсендіні');
  await expect(annotationPanel(page).getByRole('region', { name: /Orphaned/ })).toHaveCount(0);
  file = await readCaseFile(dataDir, id);
  expect(file.annotations[0].target.quote.exact).toBe('белсендіні');
  expect(file.annotations[0].body).toBe(before.body);
  expect(file.annotations[0].id).toBe(before.id);
});

test('overlapping highlights both render; a click opens the right one; Escape, Enter and deletion', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Overlap case', name: 'Overlap Person' });
  await addPastedSource(page, { title: 'Приговор', text: TEXT });
  const A = 'қаласының соты белсендіні';
  const B = 'белсендіні екі жылға';
  await annotate(page, A, { body: 'Comment A' });
  await annotate(page, B, { body: 'Comment B', confidential: true });
  await expectSaved(page);

  // Three runs: A alone, both (darker), B alone.
  await expect(marks(page)).toHaveText(['қаласының соты ', 'белсендіні', ' екі жылға']);
  await expect(marks(page).nth(0)).toHaveClass(/depth-1/);
  await expect(marks(page).nth(1)).toHaveClass(/depth-2/);
  await expect(marks(page).nth(2)).toHaveClass(/depth-1/);
  await expect(marks(page).nth(2)).toHaveClass(/is-confidential/);

  const editor = page.getByRole('dialog', { name: 'Annotation' });
  await marks(page).nth(0).click();
  await expect(editor.getByLabel('Comment')).toHaveValue('Comment A');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toBeHidden();

  await marks(page).nth(2).click();
  await expect(editor.getByLabel('Comment')).toHaveValue('Comment B');
  await expect(editor.getByRole('checkbox', { name: 'Confidential' })).toBeChecked();
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // The shared run opens the shorter highlight and offers the other.
  await marks(page).nth(1).click();
  await expect(editor.getByLabel('Comment')).toHaveValue('Comment B');
  await editor.getByRole('button', { name: /қаласының соты белсендіні/ }).click();
  await expect(editor.getByLabel('Comment')).toHaveValue('Comment A');
  await editor.getByLabel('Comment').fill('Comment A, edited');
  await editor.getByLabel('Tags').fill('court');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expectSaved(page);
  let file = await readCaseFile(dataDir, id);
  expect(file.annotations.map((a: { body: string }) => a.body).sort()).toEqual(['Comment A, edited', 'Comment B']);
  expect(file.annotations.find((a: { body: string }) => a.body === 'Comment B').confidential).toBe(true);

  // Keyboard: a highlight is focusable and Enter opens it; Escape closes the popover.
  await marks(page).nth(2).focus();
  await page.keyboard.press('Enter');
  await expect(editor.getByLabel('Comment')).toHaveValue('Comment B');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(marks(page).nth(2)).toBeFocused();
  await dragSelect(page, 'Адвокат');
  const popover = page.getByRole('dialog', { name: 'New annotation' });
  await expect(popover.getByLabel('Comment')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(marks(page)).toHaveCount(3);

  // The side list filters by tag, source and marking, and says what it hides.
  const panel = annotationPanel(page);
  await panel.getByLabel('Tag').selectOption('court');
  await expect(panel.locator('.ann-item')).toHaveCount(1);
  await expect(panel.getByText('Hidden by the filter: 1.')).toBeVisible();
  await panel.getByLabel('Tag').selectOption('');
  await panel.getByLabel('Marking').selectOption({ label: 'Confidential only' });
  await expect(panel.locator('.ann-item')).toHaveCount(1);
  await expect(panel.locator('.ann-item .badge-confidential')).toBeVisible();
  await panel.getByRole('button', { name: 'Show all' }).click();
  await expect(panel.locator('.ann-item')).toHaveCount(2);

  // Deleting asks first.
  await marks(page).nth(0).click();
  await editor.getByRole('button', { name: 'Remove…' }).click();
  await expect(editor.getByText('Delete this annotation?')).toBeVisible();
  await editor.getByRole('button', { name: 'Delete annotation' }).click();
  await expect(editor).toBeHidden();
  await expectSaved(page);
  await expect(marks(page)).toHaveText([B]);
  file = await readCaseFile(dataDir, id);
  expect(file.annotations).toHaveLength(1);
  expect(file.annotations[0].target.quote.exact).toBe(B);
});

test('notes on the case; removing a source with annotations needs an explicit choice', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'ngo', title: 'Notes case', name: 'Бостандық қоғамдық бірлестігі', authority: 'Almaty Department of Justice' });
  const panel = annotationPanel(page);
  await panel.getByRole('button', { name: 'Add note' }).click();
  const noteDialog = page.getByRole('dialog', { name: 'New note on the case' });
  await noteDialog.getByRole('button', { name: 'Save' }).click();
  await expect(noteDialog.getByText('Write the note first.')).toBeVisible();
  await noteDialog.getByLabel('Note').fill('Ask the lawyer for the appeal ruling — Қ Ө Ү Ұ Ә');
  await noteDialog.getByLabel('Tags').fill('todo');
  await noteDialog.getByRole('checkbox', { name: 'Confidential' }).check();
  await noteDialog.getByRole('button', { name: 'Save' }).click();
  await expect(noteDialog).toBeHidden();
  const notes = panel.getByRole('region', { name: /Notes/ });
  await expect(notes.locator('.ann-body')).toHaveText('Ask the lawyer for the appeal ruling — Қ Ө Ү Ұ Ә');
  await expect(notes.locator('.badge-confidential')).toBeVisible();
  await expectSaved(page);
  let file = await readCaseFile(dataDir, id);
  expect(file.annotations).toEqual([
    expect.objectContaining({ body: 'Ask the lawyer for the appeal ruling — Қ Ө Ү Ұ Ә', tags: ['todo'], confidential: true }),
  ]);
  expect(file.annotations[0].sourceId).toBeUndefined();
  expect(file.annotations[0].target).toBeUndefined();

  // Edit the note.
  await notes.getByRole('button', { name: /Ask the lawyer/ }).click();
  const note = page.getByRole('dialog', { name: 'Note' });
  await note.getByLabel('Note').fill('Appeal ruling received');
  await note.getByRole('button', { name: 'Save' }).click();
  await expect(notes.locator('.ann-body')).toHaveText('Appeal ruling received');

  // A source with an annotation: removal is refused until the annotations are explicitly included.
  await addPastedSource(page, { title: 'Decision on suspension', text: 'The activity of the association is suspended for three months.', confidential: true });
  await expect(sourcesSection(page).locator('.source-card.is-confidential .badge-confidential')).toBeVisible();
  await expect(reader(page).locator('.badge-confidential')).toBeVisible();
  await annotate(page, 'suspended for three months', { body: 'Measure' });
  await expectSaved(page);
  await sourcesSection(page).getByRole('button', { name: 'Remove “Decision on suspension”' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove “Decision on suspension”?' });
  await expect(remove.getByText('Annotations that point into this source: 1.')).toBeVisible();
  const confirm = remove.getByRole('button', { name: 'Remove the source and its annotations (1)' });
  await expect(confirm).toBeDisabled();
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(remove).toBeHidden();
  await expectSaved(page);
  file = await readCaseFile(dataDir, id);
  expect(file.sources).toHaveLength(1);
  expect(file.annotations).toHaveLength(2);

  await sourcesSection(page).getByRole('button', { name: 'Remove “Decision on suspension”' }).click();
  await remove.getByRole('checkbox', { name: 'Also delete these annotations (1)' }).check();
  await confirm.click();
  await expect(remove).toBeHidden();
  await expect(reader(page)).toHaveCount(0);
  await expectSaved(page);
  file = await readCaseFile(dataDir, id);
  expect(file.sources).toHaveLength(0);
  expect(file.annotations).toHaveLength(1);
  expect(file.annotations[0].body).toBe('Appeal ruling received');

  // Undo brings back the source and its annotation.
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expectSaved(page);
  file = await readCaseFile(dataDir, id);
  expect(file.sources).toHaveLength(1);
  expect(file.annotations).toHaveLength(2);

  // Delete the note, with confirmation.
  await notes.getByRole('button', { name: /Appeal ruling received/ }).click();
  await note.getByRole('button', { name: 'Remove…' }).click();
  await note.getByRole('button', { name: 'Delete note' }).click();
  await expect(notes).toHaveCount(0);
  await expectSaved(page);
  file = await readCaseFile(dataDir, id);
  expect(file.annotations).toHaveLength(1);
  expect(file.annotations[0].body).toBe('Measure');
});

test('a timeline event cites sources; its link jumps to the source’s reading view', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Citations case', name: 'Cited Person' });
  await addPastedSource(page, { title: 'Arrest report', text: 'Officers detained him at 6 a.m. at his home in Atyrau.' });
  await addPastedSource(page, { title: 'Қамауға алу туралы хаттама', text: 'Ол Атырау қаласында ұсталды.' });
  await reader(page).getByRole('button', { name: 'Close' }).click();
  await expect(reader(page)).toHaveCount(0);

  const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
  await timeline.getByRole('button', { name: 'Add event' }).click();
  const newEvent = timeline.getByRole('group', { name: 'New event' });
  await newEvent.getByLabel('Date').fill('2019-11-15');
  await newEvent.getByLabel('Type').selectOption({ label: 'Arrest' });
  await newEvent.getByLabel('What happened').fill('Detained at home');
  await newEvent.getByRole('checkbox', { name: 'Қамауға алу туралы хаттама' }).check();
  await newEvent.getByRole('button', { name: 'Add', exact: true }).click();

  const card = timeline.getByRole('listitem').filter({ hasText: 'Detained at home' });
  await expect(card.getByRole('checkbox', { name: 'Қамауға алу туралы хаттама' })).toBeChecked();
  await card.getByRole('checkbox', { name: 'Arrest report' }).check();
  await expectSaved(page);
  let file = await readCaseFile(dataDir, id);
  const [report, protocol] = file.sources;
  expect(file.events[0].sourceIds).toEqual([report.id, protocol.id]);

  await card.getByRole('button', { name: 'Open “Қамауға алу туралы хаттама”' }).click();
  const heading = reader(page).getByRole('heading', { level: 3, name: 'Қамауға алу туралы хаттама' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(reader(page).locator('.reader-text')).toHaveText('Ол Атырау қаласында ұсталды.');

  await card.getByRole('button', { name: 'Open “Arrest report”' }).click();
  await expect(reader(page).getByRole('heading', { level: 3, name: 'Arrest report' })).toBeFocused();

  // Un-citing one removes it from the event; removing a cited source removes the citation.
  await card.getByRole('checkbox', { name: 'Arrest report' }).uncheck();
  await expect(card.getByRole('button', { name: 'Open “Arrest report”' })).toHaveCount(0);
  await sourcesSection(page).getByRole('button', { name: 'Remove “Қамауға алу туралы хаттама”' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove “Қамауға алу туралы хаттама”?' });
  await expect(remove.getByText('Timeline events that cite it: 1. They will stop citing it.')).toBeVisible();
  await remove.getByRole('button', { name: 'Remove source' }).click();
  await expectSaved(page);
  file = await readCaseFile(dataDir, id);
  expect(file.sources.map((s: { title: string }) => s.title)).toEqual(['Arrest report']);
  expect(file.events[0].sourceIds).toBeUndefined();
});

test('a word corrected inside an annotated passage: listed under "Passage changed" until the new wording is accepted', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Changed passage case', name: 'Әсел Нұрланқызы' });
  const typo = TEXT.replace('бостандығынан', 'бостандыгынан');
  const OLD = 'екі жылға бас бостандыгынан';
  await addPastedSource(page, { title: TITLE, text: typo, language: 'kk' });
  await annotate(page, OLD, { body: 'Мерзімі', tags: 'sentence' });
  await expectSaved(page);
  const before = (await readCaseFile(dataDir, id)).annotations[0];
  expect(before.target.quote.exact).toBe(OLD);

  // The typo is fixed in the source: the passage is found, but not as the words annotated.
  await reader(page).getByRole('button', { name: 'Edit source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit the source' });
  await dialog.getByLabel('Text', { exact: true }).fill(TEXT);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(page);

  const panel = annotationPanel(page);
  const changed = panel.getByRole('region', { name: /Passage changed — review/ });
  await expect(changed).toBeVisible();
  await expect(changed.locator('.changed-was')).toHaveText(OLD);
  await expect(changed.locator('.changed-now')).toHaveText(PHRASE);
  await expect(changed.getByText('Annotated', { exact: true })).toBeVisible();
  await expect(changed.getByText('Now in the text', { exact: true })).toBeVisible();
  await expect(panel.getByRole('region', { name: /Orphaned/ })).toHaveCount(0);
  await expect(reader(page).getByText('changed: 1')).toBeVisible();
  // Drawn distinctly, and said so to a screen reader.
  await expect(marks(page)).toHaveText(PHRASE);
  await expect(marks(page)).toHaveClass(/is-changed/);
  await expect(marks(page)).toHaveAttribute('aria-label', new RegExp(`^${PHRASE} \\(passage changed since it was annotated`));
  // On disk the words the lawyer annotated are kept; only the position followed.
  let file = await readCaseFile(dataDir, id);
  expect(file.annotations[0].target.quote).toEqual(before.target.quote);
  const at = TEXT.indexOf(PHRASE);
  expect(file.annotations[0].target.position).toEqual({ start: at, end: at + PHRASE.length });

  // Opening the highlight shows the same review, old and new words.
  await marks(page).click();
  const editor = page.getByRole('dialog', { name: 'Annotation' });
  await expect(editor.locator('.changed-was')).toHaveText(OLD);
  await expect(editor.locator('.changed-now')).toHaveText(PHRASE);
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toBeHidden();

  // "Select other words…" starts the re-attach flow for it; stopping leaves it as it was.
  await changed.getByRole('button', { name: 'Select other words…' }).click();
  await expect(reader(page).getByText('Select the words to attach this annotation to, in place of the changed passage:')).toBeVisible();
  await reader(page).getByRole('button', { name: 'Stop re-attaching' }).click();
  await expect(changed).toBeVisible();

  // Accepted from the keyboard: the annotation is anchored on the new words, on disk too.
  const accept = changed.getByRole('button', { name: /^Accept the new wording/ });
  await accept.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('The annotation now quotes the new wording.')).toBeVisible();
  await expectSaved(page);
  await expect(changed).toHaveCount(0);
  await expect(marks(page)).not.toHaveClass(/is-changed/);
  await expect(panel.getByRole('region', { name: new RegExp(TITLE) }).getByText(PHRASE)).toBeVisible();
  file = await readCaseFile(dataDir, id);
  expect(file.annotations[0].target.quote.exact).toBe(PHRASE);
  expect(file.annotations[0].target.position).toEqual({ start: at, end: at + PHRASE.length });
  expect(file.annotations[0].body).toBe('Мерзімі');
  expect(file.annotations[0].id).toBe(before.id);

  // A number changed is never "changed": the annotation is orphaned and says why.
  await reader(page).getByRole('button', { name: 'Edit source' }).click();
  await dialog.getByLabel('Text', { exact: true }).fill(TEXT.replace('екі жылға', '3 жылға'));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expectSaved(page);
  const orphaned = panel.getByRole('region', { name: /Orphaned/ });
  await expect(orphaned.locator('.orphan-reason')).toContainText('numbers changed');
  file = await readCaseFile(dataDir, id);
  expect(file.annotations[0].target.quote.exact).toBe(PHRASE);
});
