import { expect, test, type Page } from './fixtures';
import { importBundle, section } from './helpers';

// The history a lawyer reads (issue 15), in Russian and in Kazakh: an event's date made
// more precise and a decision added through the case view, then the History section
// says so in sentences in the interface language, with the event's title and the
// decision's stage, penalty and court — no id, no JSON path — and the log's own record
// opens from the keyboard under "Show the technical details".

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

type Words = {
  code: 'ru' | 'kk';
  language: string;
  cases: string;
  saved: string;
  timeline: string;
  date: string;
  decisions: string;
  addDecision: string;
  court: string;
  penalty: string;
  prison: string;
  addTerm: string;
  years: string;
  add: string;
  history: string;
  lines: string;
  technical: string;
  dateLine: string;
  decisionLine: string;
};

const LANGS: Words[] = [
  {
    code: 'ru',
    language: 'Русский',
    cases: 'Дела',
    saved: 'Сохранено',
    timeline: 'Хронология',
    date: 'Дата',
    decisions: 'Решения и наказания',
    addDecision: 'Добавить решение',
    court: 'Суд или орган',
    penalty: 'Наказание',
    prison: 'Лишение свободы',
    addTerm: 'Добавить срок',
    years: 'Лет',
    add: 'Добавить',
    history: 'История',
    lines: 'Что изменилось',
    technical: 'Показать технические подробности',
    dateLine: 'Событие «Суд рассматривает ходатайство» — дата: было февраль 2021 г., стало 1 февраля 2021 г.',
    decisionLine: 'Добавлено решение: приговор, лишение свободы, 7 лет, Алматинский городской суд',
  },
  {
    code: 'kk',
    language: 'Қазақша',
    cases: 'Істер',
    saved: 'Сақталды',
    timeline: 'Хронология',
    date: 'Күні',
    decisions: 'Шешімдер мен жазалар',
    addDecision: 'Шешім қосу',
    court: 'Сот немесе орган',
    penalty: 'Жаза',
    prison: 'Бас бостандығынан айыру',
    addTerm: 'Мерзім қосу',
    years: 'Жыл',
    add: 'Қосу',
    history: 'Тарих',
    lines: 'Не өзгерді',
    technical: 'Техникалық мәліметтерді көрсету',
    dateLine: '«Суд рассматривает ходатайство» оқиғасы — күні: бұрын ақпан 2021 ж., енді 1 ақпан 2021 ж.',
    decisionLine: 'Шешім қосылды: үкім, бас бостандығынан айыру, 7 жыл, Алматинский городской суд',
  },
];

/** A case made for this test: one event dated to the month, two sources. */
function bundle(title: string): Buffer {
  const c = {
    kind: 'political_prisoner',
    title,
    person: { name: 'Кенжебек Әбішев', aliases: [] },
    events: [{ type: 'hearing', title: 'Суд рассматривает ходатайство', date: '2021-02' }],
    sources: [{ title: 'Постановление суда', kind: 'court_document', text: 'Суд постановил…' }],
  };
  return Buffer.from(JSON.stringify({ format: 'casefile-bundle', version: 2, cases: [c] }));
}

async function expectSaved(page: Page, w: Words): Promise<void> {
  await expect(page.locator('.save-status')).toHaveText(w.saved);
}

for (const w of LANGS) {
  test(`the history reads as sentences in ${w.code}, with names and no ids, the raw diff one click away`, async ({ page }) => {
    test.setTimeout(90_000);
    const title = `История ${w.code}: Кенжебек Әбішев`;
    await importBundle(page, { name: 'history15.casefile.json', buffer: bundle(title) });
    const importDialog = page.getByRole('dialog', { name: 'Import a bundle' });
    await expect(importDialog.getByText('Import finished. Cases in the bundle: 1')).toBeVisible();
    await importDialog.getByRole('button', { name: 'Close', exact: true }).last().click();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: w.language }).check();
    await page.getByRole('banner').getByRole('link', { name: w.cases }).click();
    await page.getByRole('grid').getByRole('row', { name: /Кенжебек Әбішев/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // The event's date, from the month to the day.
    const event = section(page, w.timeline).getByRole('listitem').filter({ hasText: 'Суд рассматривает ходатайство' });
    const date = event.getByRole('textbox', { name: w.date, exact: true });
    await date.fill('01.02.2021');
    await date.blur();
    await expectSaved(page, w);

    // A verdict: seven years in prison, by the Almaty city court.
    const decisions = section(page, w.decisions);
    await decisions.getByRole('button', { name: w.addDecision }).click();
    await decisions.getByLabel(w.court, { exact: true }).fill('Алматинский городской суд');
    await decisions.getByLabel(w.penalty, { exact: true }).selectOption({ label: w.prison });
    await decisions.getByRole('button', { name: w.addTerm }).click();
    await decisions.getByLabel(w.years, { exact: true }).fill('7');
    await decisions.getByRole('button', { name: w.add, exact: true }).click();
    await expectSaved(page, w);

    const history = section(page, w.history);
    const entries = history.locator('ol.history-list > li');
    const newest = entries.first();
    await expect(newest.getByRole('list', { name: w.lines })).toHaveText(w.decisionLine);
    await expect(entries.nth(1).getByRole('list', { name: w.lines })).toHaveText(w.dateLine);

    // Sentences only: no id and no path anywhere in the readable lines.
    for (const text of await history.locator('.history-lines').allInnerTexts()) {
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/\[id=|events\.|decisions\[|\{\{/);
    }

    // The raw diff, one key press away, and closed by default.
    const details = newest.getByText(w.technical);
    await expect(newest.locator('.history-changes')).toBeHidden();
    await details.focus();
    await page.keyboard.press('Enter');
    const raw = newest.locator('.history-changes');
    await expect(raw).toBeVisible();
    await expect(raw).toContainText(/decisions\[id=[0-9a-f-]{36}\]/);
    const older = entries.nth(1);
    await older.getByText(w.technical).click();
    await expect(older.locator('.history-changes')).toContainText(/events\[id=[0-9a-f-]{36}\]\.date/);
    await expect(older.locator('.history-changes')).toContainText('2021-02-01');
  });
}
