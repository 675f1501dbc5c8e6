import { describe, expect, it } from 'vitest';
import { appearancesOf, namesAfterRoleWords, spellingKey } from '../../../electron/services/people';
import { isCourtName } from '../../../electron/services/people/matching';
import { loadSampleBundle } from '../../../electron/services/samples';
import { finalizeCase } from '../../../electron/services/cases/finalize';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { Appearance } from '../../../shared/people';
import { ngo, prisoner } from '../search/cases';

// What the index reads from one case: the fields that name a body or a person, and the
// people a role word names in the timeline and the decisions' outcomes, in en/ru/kk.

const seen = (c: CaseFile) => appearancesOf(c).map((a) => `${a.role}|${a.spelling}|${a.path.join('.')}|${a.confidential}`);

describe('role words in running text', () => {
  it('finds the name after a role word in English, Russian and Kazakh, initials before or after', () => {
    expect(namesAfterRoleWords('Judge Ivanov read the verdict; prosecutor A. Petrov asked for 7 years')).toEqual([
      { role: 'judge', name: 'Ivanov', written: 'Ivanov' },
      { role: 'prosecutor', name: 'A. Petrov', written: 'A. Petrov' },
    ]);
    expect(namesAfterRoleWords('Приговор огласил судья Иванов А.Б. в присутствии адвоката')).toEqual([{ role: 'judge', name: 'Иванов А.Б.', written: 'Иванов А.Б.' }]);
    expect(namesAfterRoleWords('Тергеуші Серікбаев Д. жауап алды')).toEqual([{ role: 'investigator', name: 'Серікбаев Д.', written: 'Серікбаев Д.' }]);
    expect(namesAfterRoleWords('Іс судьясы Нұрланов шешім шығарды').map((n) => [n.role, n.name])).toEqual([['judge', 'Нұрланов']]);
  });

  it('brings a surname declined after a declined role word back to the nominative', () => {
    const names = (s: string) => namesAfterRoleWords(s).map((n) => `${n.role}:${n.name}`);
    expect(names('Ходатайство судьи Иванова отклонено')).toEqual(['judge:Иванов']);
    expect(names('Приговор вынесен судьёй Ивановым')).toEqual(['judge:Иванов']);
    expect(names('дело передано судье Петровой')).toEqual(['judge:Петрова']);
    expect(names('жалоба на следователя Сидорова и прокурору Ахметову')).toEqual(['investigator:Сидоров', 'prosecutor:Ахметов']);
    expect(names('встреча с адвокатом Кенжебаевым')).toEqual(['lawyer:Кенжебаев']);
    // A surname of another kind keeps its written form.
    expect(names('судьёй Ким')).toEqual(['judge:Ким']);
  });

  it('does not take the words of an office for a name', () => {
    expect(namesAfterRoleWords('a letter to the Prosecutor General of Kazakhstan')).toEqual([]);
    expect(namesAfterRoleWords('прокурор Генеральной прокуратуры')).toEqual([]);
    expect(namesAfterRoleWords('the judge refused bail')).toEqual([]);
    expect(namesAfterRoleWords('судья Иванов. Затем суд удалился')).toEqual([{ role: 'judge', name: 'Иванов', written: 'Иванов' }]);
  });
});

describe('court or other authority', () => {
  it('knows a court by its word in any of the three languages and either script', () => {
    for (const name of ['Almaty City Court', 'Medeu audandyk soty', 'Алматы қалалық соты', 'Верховный суд', 'Специализированный межрайонный суд', 'Жоғарғы Сот']) expect(isCourtName(name), name).toBe(true);
    for (const name of ['Ministry of Justice', 'Судья Иванов', 'Прокуратура', 'Sudak Office', 'President of Kazakhstan']) expect(isCourtName(name), name).toBe(false);
  });
});

describe('appearances of a case', () => {
  it('reads every sample case: courts, agencies, places, recognitions, the confidential lawyer', async () => {
    const bundle = await loadSampleBundle();
    const cases = bundle.cases.map((draft, i) => finalizeCase(CaseDraft.parse(draft), { id: `s${i}`, rev: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }));
    const all = cases.flatMap((c) => appearancesOf(c));
    for (const a of all) Appearance.parse(a);
    const aibek = cases.find((c) => c.title.includes('Aibek'))!;
    expect(seen(aibek)).toEqual(
      expect.arrayContaining([
        'arresting_agency|Almaty city police (sample)|arrest.by|false',
        'detention_place|Department of the Penal System, Almaty (sample)|detention.heldBy|false',
        'detention_place|SIZO-1, Almaty|detention.place|false',
        'recognising_body|Sample Human Rights Bureau|recognitions.0.by|false',
        'lawyer|Counsel N. (sample)|lawyer|true',
      ]),
    );
    const gulnar = cases.find((c) => c.title.includes('Гүлнар'))!;
    const courts = appearancesOf(gulnar).filter((a) => a.path[0] === 'decisions' && a.path[2] === 'body');
    expect(courts.map((a) => [a.role, a.spelling])).toEqual([
      ['court', 'Specialised court (sample)'],
      ['court', 'Appeal court (sample)'],
      ['court', 'Colony district court (sample)'],
      ['court', 'Colony district court (sample)'],
    ]);
    expect(courts[0]!.act).toMatchObject({ kind: 'decision', stage: 'verdict' });
    const bureau = cases.find((c) => c.kind === 'ngo_suspension')!;
    expect(seen(bureau)).toEqual(expect.arrayContaining(['authority|Ministry of Information (sample)|measure.authority|false', 'court|Astana city court|appeal.court|false']));
  });

  it('reads role words in events and outcomes, marking a confidential event, decision and the lawyer', () => {
    const c = prisoner('Асель Тоқаева', {
      lawyer: 'Адвокат Жанна Садыкова',
      arrest: { date: '2022-01-06', by: 'ҰҚК / КНБ', warrantIssuedBy: 'Алмалинский районный суд г. Алматы' },
      decisions: [
        { stage: 'verdict', date: '2022-09-01', body: 'Медеуский районный суд', penalty: { type: 'prison', term: { years: 5 } }, outcome: 'председательствовала судья Абенова' },
        { stage: 'pardon', date: '2023', body: 'President of Kazakhstan' },
        { stage: 'appeal', date: '2022-11', body: 'Алматы қалалық соты', confidential: true },
      ],
      events: [
        { type: 'hearing', date: '2022-08-10', title: 'Hearing before judge Abenova', description: 'тергеуші Серікбаев Д. gave evidence' },
        { type: 'other', date: '2022-08-12', title: 'Meeting', description: 'met prosecutor Ospanov in private', confidential: true },
      ],
    });
    const got = seen(c);
    expect(got).toEqual([
      'court|Медеуский районный суд|decisions.0.body|false',
      'judge|Абенова|decisions.0.outcome|false',
      'authority|President of Kazakhstan|decisions.1.body|false',
      'court|Алматы қалалық соты|decisions.2.body|true',
      'arresting_agency|ҰҚК / КНБ|arrest.by|false',
      'court|Алмалинский районный суд г. Алматы|arrest.warrantIssuedBy|false',
      'lawyer|Адвокат Жанна Садыкова|lawyer|true',
      'judge|Abenova|events.0.title|false',
      'investigator|Серікбаев Д.|events.0.description|false',
      'prosecutor|Ospanov|events.1.description|true',
    ]);
    const verdict = appearancesOf(c)[0]!;
    expect(verdict).toMatchObject({ act: { kind: 'decision', stage: 'verdict', penalty: { type: 'prison', term: { years: 5 } } }, what: 'председательствовала судья Абенова', date: '2022-09-01', caseKind: 'political_prisoner', caseTitle: c.title });
    // The judge from the Cyrillic outcome and from the Latin event title are one person.
    expect(spellingKey('Абенова', 'person')).toBe(spellingKey('Abenova', 'person'));
  });

  it("reads an NGO case's authority (a court when its name says so) and its appeal court", () => {
    const c = ngo('Kadir-Kasiet', { measure: { type: 'liquidation', authority: 'Specialised Inter-District Economic Court of Almaty', status: 'appealed' }, appeal: { court: 'Almaty City Court', outcome: 'dismissed' } });
    expect(appearancesOf(c).map((a) => [a.role, a.spelling, a.act, a.what])).toEqual([
      ['court', 'Specialised Inter-District Economic Court of Almaty', { kind: 'measure', type: 'liquidation', status: 'appealed' }, ''],
      ['court', 'Almaty City Court', { kind: 'appeal' }, 'dismissed'],
    ]);
  });
});
