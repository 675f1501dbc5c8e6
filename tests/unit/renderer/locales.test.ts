import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OnConflict } from '../../../shared/contract';
import { ErrorCode } from '../../../shared/errors';
import { ENUM_LABELS } from '../../../shared/labels/enumLabels';
import { ImportAction } from '../../../shared/contract';
import {
  AdvocacyKind, AdvocacyStatus, CaseKind, CaseStatus, DetentionStatus, EventType, MeasureStatus,
  MeasureType, Person, Priority, Recognition, PenaltyType, SourceKind, WgadCategory, DecisionStage, ChargeOutcome, WarrantShown, ConsentStatus,
} from '../../../shared/model';

// The locale files must stay interchangeable: the same keys, the same placeholders,
// a label for every value of every enum the UI shows, and every key the code uses.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const localeDir = path.join(root, 'renderer/i18n/locales');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

// `<lang>.json` and its parts `<lang>.<feature>.json`, merged per language; no two
// files of a language may define the same top-level key.
const locales: Record<string, Map<string, string>> = {};
const topLevelOwners = new Map<string, string>();
for (const f of readdirSync(localeDir).filter((f) => f.endsWith('.json')).sort()) {
  const lang = f.split('.')[0]!;
  const tree = JSON.parse(readFileSync(path.join(localeDir, f), 'utf8')) as Tree;
  for (const key of Object.keys(tree)) {
    const owner = topLevelOwners.get(`${lang}:${key}`);
    if (owner) throw new Error(`${f} and ${owner} both define "${key}"`);
    topLevelOwners.set(`${lang}:${key}`, f);
  }
  const map = (locales[lang] ??= new Map());
  for (const [k, v] of flatten(tree)) map.set(k, v);
}
// The enum words the briefs print too: the renderer merges them in (renderer/i18n/sharedLabels.ts).
for (const [lang, map] of Object.entries(locales)) for (const [k, v] of flatten({ enums: ENUM_LABELS[lang as keyof typeof ENUM_LABELS] as unknown as Tree })) map.set(k, v);
const en = locales.en!;
// A plural family (`key_one`, `key_few`…, chosen by i18next from a count) counts as its key: each
// language has the forms its grammar needs (tests/unit/i18n/localeQuality.test.ts checks them).
const plural = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const keyFamilies = (m: Map<string, string>) => [...new Set([...m.keys()].map(plural))].sort();
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('are English, Russian and Kazakh — the languages Settings offers — each with every part', () => {
    expect(Object.keys(locales).sort()).toEqual(['en', 'kk', 'ru']);
    const index = readFileSync(path.join(root, 'renderer/i18n/index.ts'), 'utf8');
    const offered = [...index.matchAll(/\{ code: '(\w+)', name: '[^']+' \}/g)].map((m) => m[1]).sort();
    expect(offered).toEqual(['en', 'kk', 'ru']);
    const parts = (lang: string) => readdirSync(localeDir).filter((f) => f.startsWith(`${lang}.`)).map((f) => f.slice(lang.length)).sort();
    for (const lang of ['ru', 'kk']) expect(parts(lang), lang).toEqual(parts('en'));
  });

  for (const [lang, map] of Object.entries(locales)) {
    it(`${lang} has exactly the keys of en`, () => {
      expect(keyFamilies(map)).toEqual(keyFamilies(en));
    });
    it(`${lang} has no empty texts and the same {{placeholders}} as en`, () => {
      for (const [key, text] of map) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(en.get(key) ?? en.get(`${plural(key)}_other`) ?? en.get(plural(key)) ?? ''));
      }
    });
  }

  it('label every value of every enum the UI shows', () => {
    const groups: Record<string, readonly string[]> = {
      kind: CaseKind.options,
      kindShort: CaseKind.options,
      kindHint: CaseKind.options,
      status: CaseStatus.options,
      priority: Priority.options,
      gender: Person.shape.gender.unwrap().options,
      detention: DetentionStatus.options,
      penalty: PenaltyType.options,
      decisionStage: DecisionStage.options,
      chargeOutcome: ChargeOutcome.options,
      warrantShown: WarrantShown.options,
      consent: ConsentStatus.options,
      recognition: Recognition.shape.label.options,
      measure: MeasureType.options,
      measureStatus: MeasureStatus.options,
      event: EventType.options,
      source: SourceKind.options,
      advocacyKind: AdvocacyKind.options,
      advocacyStatus: AdvocacyStatus.options,
      wgad: WgadCategory.options,
      importAction: ImportAction.options,
      onConflict: OnConflict.options,
      onConflictHint: OnConflict.options,
    };
    for (const [group, values] of Object.entries(groups)) {
      for (const v of values) expect(en.has(`enums.${group}.${v}`), `enums.${group}.${v}`).toBe(true);
    }
    // Every way an operation can fail is told in the user's language.
    for (const code of ErrorCode.options) expect(en.has(`errors.${code}`), `errors.${code}`).toBe(true);
  });

  it('hold every key the renderer asks for by name', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(root, 'renderer'));
    const used = new Set<string>();
    const built = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\bt\(`([\w.]*(?:\$\{[^}]+\}[\w.]*)+)`/g)) built.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !en.has(k) && !en.has(`${k}_other`));
    expect(missing).toEqual([]);
    // A key built at run time (`agenda.kind.${r.kind}`) must at least name a family of keys that exists.
    expect(built.size).toBeGreaterThan(0);
    for (const template of built) {
      const pattern = new RegExp(`^${template.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '\\w+')}(?:_[a-z]+)?$`);
      expect([...en.keys()].some((k) => pattern.test(k)), template).toBe(true);
    }
  });
});
