import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import type { BriefCheck } from '../../../shared/contract';
import type { CaseDraftInput } from '../../../shared/model';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../shared/model/brief';
import { ngoDraft, tempDir } from '../../helpers/fixtures';
import { completeDraft, neverDetainedDraft, ORG } from './commonGapsFixtures';

// What every template asks of a case, and the WGAD fit, asked the way the Brief dialog and
// the command line ask it: `briefs.check` through the dispatcher, on a real data folder,
// the organisation profile read from its settings.

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore;
let dispatch: ReturnType<typeof createDispatcher>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('casefile-check-'));
  store = await CaseStore.open(dir, {});
  dispatch = createDispatcher(createHandlers(store));
});
afterAll(async () => {
  await store.close();
  await cleanup();
});

async function create(draft: CaseDraftInput): Promise<string> {
  const r = await dispatch('cases.create', { case: draft });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: string }).id;
}

async function setOrganization(name: string | null): Promise<void> {
  const r = await dispatch('settings.set', { organization: name === null ? null : { name } });
  if (!r.ok) throw new Error(r.error.message);
}

type Ask = { template?: BriefTemplate; mode?: BriefMode; lang?: BriefLang; briefLang?: BriefLang };
async function check(ids: string[], ask: Ask = {}): Promise<BriefCheck> {
  const r = await dispatch('briefs.check', { ids, ...ask });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as BriefCheck;
}
const codes = (c: BriefCheck) => c.gaps.map((g) => g.code);
const gapOf = (c: BriefCheck, code: string) => c.gaps.find((g) => g.code === code);

const LANGS: BriefLang[] = ['en', 'ru', 'kk'];
const COMMON = /^(common|submission)\./;
const common = (c: BriefCheck) => codes(c).filter((code) => COMMON.test(code));

describe('what every template asks of a case', () => {
  it('a case that lacks nothing has no common gap in any language, mode or template', async () => {
    await setOrganization(ORG.name);
    const id = await create(completeDraft());
    for (const lang of LANGS) {
      for (const mode of ['public', 'submission', 'internal'] as const) {
        for (const template of ['case', 'wgad', 'urgent-action', 'multi'] as const) {
          const c = await check([id], { template, mode, lang });
          expect(c.refused, `${template} ${mode} ${lang}`).toBeUndefined();
          expect(common(c), `${template} ${mode} ${lang}`).toEqual([]);
        }
      }
    }
  });

  it('a submission with no organisation name says so, in the reader\'s language; public mode does not ask', async () => {
    const id = await create(completeDraft());
    await setOrganization(null);
    const messages: Record<string, string> = {};
    for (const lang of LANGS) {
      const c = await check([id], { mode: 'submission', lang });
      const g = gapOf(c, 'submission.organization');
      expect(g, lang).toBeDefined();
      expect(g!.path).toBeUndefined(); // it lives in Settings, not in the case
      messages[lang] = g!.message;
      expect(common(await check([id], { mode: 'public', lang }))).toEqual([]);
    }
    expect(messages.en).toMatch(/Settings → Organisation has no name/);
    expect(messages.en).toContain('casefile settings --org-name');
    expect(messages.ru).toContain('Настройки → Организация');
    expect(messages.kk).toContain('Баптаулар → Ұйым');
    await setOrganization(ORG.name);
    expect(codes(await check([id], { mode: 'submission' }))).not.toContain('submission.organization');
  });

  it('a submission without consent, or with consent refused or pending, says which', async () => {
    await setOrganization(ORG.name);
    const none = await create(completeDraft({ consent: undefined }));
    const refused = await create(completeDraft({ consent: { status: 'refused' } }));
    const pending = await create(completeDraft({ consent: { status: 'pending' } }));
    const notNeeded = await create(completeDraft({ consent: { status: 'not_needed' } }));
    const expected: [string, string, (string | number)[], Record<BriefLang, RegExp>][] = [
      [none, 'submission.consent', ['consent'], { en: /no consent is recorded/, ru: /согласие не указано/, kk: /келісім жазылмаған/ }],
      [refused, 'submission.consent.refused', ['consent', 'status'], { en: /was refused/, ru: /в согласии отказано/, kk: /келісім берілмегені/ }],
      [pending, 'submission.consent.pending', ['consent', 'status'], { en: /still pending/, ru: /ещё не получено/, kk: /әлі алынған жоқ/ }],
    ];
    for (const [id, code, path, words] of expected) {
      for (const lang of LANGS) {
        const c = await check([id], { mode: 'submission', lang, template: 'wgad' });
        expect(common(c), `${code} ${lang}`).toEqual([code]);
        expect(gapOf(c, code)!.path).toEqual(path);
        expect(gapOf(c, code)!.message).toMatch(words[lang]);
      }
      // Consent is a submission's question: a public brief prints none and asks for none.
      expect(common(await check([id], { mode: 'public' }))).toEqual([]);
    }
    expect(common(await check([notNeeded], { mode: 'submission' }))).toEqual([]);
  });

  it('a case with no summary is a gap in every mode; a translated summary for the brief\'s language fills it', async () => {
    const empty = await create(completeDraft({ summary: '   ', briefing: undefined }));
    for (const lang of LANGS) {
      const c = await check([empty], { lang, briefLang: lang });
      expect(common(c)).toEqual(['common.summary']);
      expect(gapOf(c, 'common.summary')!.path).toEqual(['summary']);
    }
    expect(gapOf(await check([empty], { lang: 'ru' }), 'common.summary')!.message).toContain('нет краткого описания');
    expect(gapOf(await check([empty], { lang: 'kk' }), 'common.summary')!.message).toContain('қысқаша мазмұны жоқ');
    const kazakhOnly = await create(completeDraft({ summary: '', briefing: { summaries: { kk: 'Кенжебек Әбішев Алматыда ұсталды.' } } }));
    expect(common(await check([kazakhOnly], { briefLang: 'kk' }))).toEqual([]);
    expect(common(await check([kazakhOnly], { briefLang: 'en' }))).toEqual(['common.summary']);
  });

  it('a Russian or Kazakh brief on a name with no Cyrillic spelling says so; an English one does not', async () => {
    const latinOnly = await create(completeDraft({ person: { name: 'Kenzhebek Abishev', aliases: ['K. Abishev'] } }));
    expect(common(await check([latinOnly], { briefLang: 'en' }))).toEqual([]);
    const words: Record<BriefLang, RegExp> = { en: /has no Cyrillic spelling.*Latin letters/, ru: /не указано написание кириллицей/, kk: /кирилше жазылу нұсқасы жоқ/ };
    for (const briefLang of ['ru', 'kk'] as const) {
      for (const lang of LANGS) {
        const c = await check([latinOnly], { lang, briefLang });
        expect(common(c), `${briefLang} read in ${lang}`).toEqual(['common.name.script']);
        const g = gapOf(c, 'common.name.script')!;
        expect(g.path).toEqual(['person', 'aliases']);
        expect(g.message).toContain('Kenzhebek Abishev');
        expect(g.message).toMatch(words[lang]);
      }
    }
    // The same for an organisation's name, by its own path.
    const ngo = await create(ngoDraft({ organization: { name: 'Adilet Bureau', aliases: ['AB'] }, summary: 'Бюро приостановлено на три месяца.' }));
    const g = gapOf(await check([ngo], { briefLang: 'ru' }), 'common.name.script');
    expect(g?.path).toEqual(['organization', 'aliases']);
    // A Russian spelling is Cyrillic enough for a Kazakh brief: nothing to warn.
    const russianAlias = await create(completeDraft({ person: { name: 'Kenzhebek Abishev', aliases: ['Кенжебек Абишев'] } }));
    expect(common(await check([russianAlias], { briefLang: 'kk' }))).toEqual([]);
  });

  it('a summary in another script than the brief, with no summary for its language, says so by the path to fill', async () => {
    const latinSummary = await create(completeDraft({ briefing: undefined }));
    expect(common(await check([latinSummary], { briefLang: 'en' }))).toEqual([]);
    for (const briefLang of ['ru', 'kk'] as const) {
      const c = await check([latinSummary], { briefLang, lang: briefLang });
      expect(common(c)).toEqual(['common.summary.script']);
      expect(gapOf(c, 'common.summary.script')!.path).toEqual(['briefing', 'summaries', briefLang]);
    }
    expect(gapOf(await check([latinSummary], { briefLang: 'ru', lang: 'ru' }), 'common.summary.script')!.message).toMatch(/не кириллицей.*на русском языке/);
    expect(gapOf(await check([latinSummary], { briefLang: 'kk', lang: 'kk' }), 'common.summary.script')!.message).toMatch(/кирилл әрпімен.*қазақ тіліндегі/);
    const cyrillicSummary = await create(completeDraft({ summary: 'Кенжебек Әбішев (Kenzhebek Abishev) Алматыда ұсталды.', briefing: undefined }));
    const en = await check([cyrillicSummary], { briefLang: 'en', lang: 'en' });
    expect(common(en)).toEqual(['common.summary.script']);
    expect(gapOf(en, 'common.summary.script')!.message).toMatch(/not written in Latin letters, and no English summary/);
    expect(common(await check([cyrillicSummary], { briefLang: 'kk' }))).toEqual([]);
  });

  it('a multi-case brief names the case each gap is about, and asks for the organisation once', async () => {
    await setOrganization(null);
    const a = await create(completeDraft({ title: 'Case A', consent: undefined }));
    const b = await create(completeDraft({ title: 'Case B', summary: '', briefing: undefined }));
    const c = await check([a, b], { mode: 'submission' });
    expect(c.template).toBe('multi');
    expect(common(c)).toEqual(['submission.organization', 'submission.consent', 'common.summary']);
    expect(gapOf(c, 'submission.consent')!.message).toMatch(/^«Case A»: /);
    expect(gapOf(c, 'common.summary')!.message).toMatch(/^«Case B»: /);
    await setOrganization(ORG.name);
  });
});

describe('a WGAD communication for someone never held is refused, saying which template fits', () => {
  const words: Record<BriefLang, RegExp> = {
    en: /records none.*"in exile" \(detention\.status\).*Use the "case" brief, or the "urgent-action" sheet/,
    ru: /лишения свободы.*«эмиграция».*справку по делу \(«case»\)/,
    kk: /Еркін бостандықтан айыру жөніндегі жұмыс тобына.*«эмиграцияда».*анықтаманы \(«case»\)/,
  };

  it('in en, ru and kk, with no gaps listed; the other templates still fit', async () => {
    const id = await create(neverDetainedDraft());
    for (const lang of LANGS) {
      const c = await check([id], { template: 'wgad', mode: 'submission', lang });
      expect(c.refused, lang).toMatch(words[lang]);
      expect(c.gaps).toEqual([]);
      for (const template of ['case', 'urgent-action'] as const) expect((await check([id], { template, lang })).refused).toBeUndefined();
    }
  });

  it('the status is named as recorded: fined and not known too', async () => {
    const fined = await create(neverDetainedDraft({ detention: { status: 'fined' } }));
    const unknown = await create(neverDetainedDraft({ detention: { status: 'unknown' } }));
    expect((await check([fined], { template: 'wgad' })).refused).toContain('"fined"');
    expect((await check([unknown], { template: 'wgad', lang: 'ru' })).refused).toContain('«неизвестно»');
    // "Warrant shown: unknown" alone records no arrest.
    const warrantOnly = await create(neverDetainedDraft({ arrest: { warrantShown: 'unknown' } }));
    expect((await check([warrantOnly], { template: 'wgad' })).refused).toBeDefined();
  });

  it.each<[string, Partial<Extract<CaseDraftInput, { kind: 'political_prisoner' }>>]>([
    ['an arrest recorded', { arrest: { place: 'Almaty airport' } }],
    ['an arrest event', { events: [{ date: '2021-01', type: 'arrest', title: 'Detained at the border' }] }],
    ['released (held before)', { detention: { status: 'released', releasedOn: '2023-01' } }],
    ['held under house arrest', { detention: { status: 'house_arrest' } }],
    ['a 10-day administrative arrest in the decisions', { decisions: [{ stage: 'verdict', date: '2022-01', penalty: { type: 'administrative_arrest', term: { days: 10 } } }] }],
  ])('any one fact of detention makes it fit: %s', async (_, change) => {
    const id = await create(neverDetainedDraft(change));
    expect((await check([id], { template: 'wgad' })).refused).toBeUndefined();
  });
});
