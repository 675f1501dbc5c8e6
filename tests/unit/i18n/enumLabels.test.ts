import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../electron/services/briefs/labels';
import { BriefLang } from '../../../shared/model/brief';

// The window (renderer/i18n/locales/<lang>.json, `enums`) and the briefs
// (electron/services/briefs/labels/<lang>.ts) name the same enum values. Where the same
// word is meant (a case's kind, status, priority, a person's gender: a brief prints
// them as the window shows them, "Status: Active"), the two must say the same, and this
// test is the one source of that rule: a word changed on one side only fails here.
//
// The other enums are named on purpose in two registers, and are left out:
// the brief prints the legal term in full, as docs/brief-glossary.md fixes it
// ("Содержание под стражей до суда", "Лишение права заниматься определённой
// деятельностью"), often lower-case inside a sentence; the window shows a short state
// that fits a column or a chip ("Под стражей до суда", "Запрет заниматься деятельностью").
const SAME_WORD: Readonly<Record<string, string>> = {
  // window group: brief table
  kind: 'kind',
  status: 'status',
  priority: 'priority',
  gender: 'gender',
};

// Where the two still differ on purpose, value by value: the window names an NGO case by
// the measure it is about ("NGO under a measure": the chooser in the New case dialog, which
// the end-to-end tests pick by that name), the brief's tables by the organisation
// ("Restricted NGO"). An entry that stops differing fails, so this list only shrinks.
const STILL_DIFFERENT: ReadonlySet<string> = new Set(['en kind.ngo_suspension', 'ru kind.ngo_suspension', 'kk kind.ngo_suspension']);

const root = path.resolve(import.meta.dirname, '../../..');
const windowEnums = (lang: string) => (JSON.parse(readFileSync(path.join(root, `renderer/i18n/locales/${lang}.json`), 'utf8')) as { enums: Record<string, Record<string, string>> }).enums;

describe('enum labels: the window and the briefs', () => {
  for (const lang of BriefLang.options) {
    it.each(Object.entries(SAME_WORD))(`${lang}: %s says the same in both`, (group, table) => {
      const brief = (LABELS[lang] as unknown as Record<string, Record<string, string>>)[table]!;
      const shown = windowEnums(lang)[group]!;
      expect(Object.keys(shown).sort(), `${group}: the same values`).toEqual(Object.keys(brief).sort());
      for (const value of Object.keys(brief)) {
        const differs = STILL_DIFFERENT.has(`${lang} ${group}.${value}`);
        const what = `${lang} enums.${group}.${value} (window) vs ${table}.${value} (brief)`;
        if (differs) expect(shown[value], `${what} now agree: strike it from STILL_DIFFERENT`).not.toBe(brief[value]);
        else expect(shown[value], what).toBe(brief[value]);
      }
    });
  }
});
