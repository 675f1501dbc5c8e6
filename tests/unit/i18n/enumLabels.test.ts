import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../electron/services/briefs/labels';
import { BriefLang } from '../../../shared/model/brief';
import { ENUM_LABELS } from '../../../shared/labels/enumLabels';
import { withSharedEnumLabels } from '../../../renderer/i18n/sharedLabels';

// The window (renderer/i18n/locales/<lang>.json, `enums`) and the briefs
// (electron/services/briefs/labels/<lang>.ts) name the same enum values. Where the same
// word is meant (a case's kind, status, priority, a person's gender: a brief prints
// them as the window shows them, "Status: Active"), both take it from one table,
// shared/labels/enumLabels.ts, and no locale file or brief table writes it again.
// The other enums are named on purpose in two registers (see that file), and are left out.

// Window group: brief table.
const SAME_WORD: Readonly<Record<string, string>> = { kind: 'kind', status: 'status', priority: 'priority', gender: 'gender' };

// Where the two still differ on purpose, value by value: the window names an NGO case by
// the measure it is about ("NGO under a measure": the chooser in the New case dialog, which
// the end-to-end tests pick by that name), the brief's tables by the organisation
// ("Restricted NGO"). An entry that stops differing fails, so this list only shrinks.
const STILL_DIFFERENT: ReadonlySet<string> = new Set(['en kind.ngo_suspension', 'ru kind.ngo_suspension', 'kk kind.ngo_suspension']);

const root = path.resolve(import.meta.dirname, '../../..');
const localeDir = path.join(root, 'renderer/i18n/locales');
type Enums = Record<string, Record<string, string>>;

/** The locale files of `lang` merged as renderer/i18n/index.ts merges them. */
function windowTexts(lang: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const f of readdirSync(localeDir).filter((f) => f === `${lang}.json` || (f.startsWith(`${lang}.`) && f.endsWith('.json')))) {
    Object.assign(merged, JSON.parse(readFileSync(path.join(localeDir, f), 'utf8')));
  }
  return merged;
}

describe('enum labels: the window and the briefs', () => {
  for (const lang of BriefLang.options) {
    const files = windowTexts(lang);
    const shown = withSharedEnumLabels(lang, files).enums as Enums;
    const written = (files.enums ?? {}) as Enums;
    const brief = LABELS[lang] as unknown as Enums;
    const shared = ENUM_LABELS[lang] as unknown as Enums;

    it.each(Object.entries(SAME_WORD))(`${lang}: %s comes from shared/labels for both`, (group, table) => {
      expect(Object.keys(shown[group]!).sort(), `${group}: the same values`).toEqual(Object.keys(brief[table]!).sort());
      for (const value of Object.keys(brief[table]!)) {
        const what = `${lang} enums.${group}.${value} (window) vs ${table}.${value} (brief)`;
        if (STILL_DIFFERENT.has(`${lang} ${group}.${value}`)) {
          expect(shown[group]![value], `${what} now agree: strike it from STILL_DIFFERENT`).not.toBe(brief[table]![value]);
          expect(shared[group]?.[value], `${what}: differs on purpose, so not in the shared table`).toBeUndefined();
          continue;
        }
        const word = shared[group]?.[value];
        expect(word, `${lang} ${group}.${value} in shared/labels/enumLabels.ts`).toBeTypeOf('string');
        expect(shown[group]![value], what).toBe(word);
        expect(brief[table]![value], what).toBe(word);
        expect(written[group]?.[value], `${lang} enums.${group}.${value} is written again in the locale files: take it out`).toBeUndefined();
      }
    });

    it(`${lang}: every word of the shared table reaches the window and the briefs`, () => {
      for (const [group, words] of Object.entries(shared)) {
        expect(shown[group], `enums.${group}`).toMatchObject(words);
        expect(brief[SAME_WORD[group]!], `brief table for ${group}`).toMatchObject(words);
      }
    });
  }
});
