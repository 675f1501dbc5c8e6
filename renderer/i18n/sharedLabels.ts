import { ENUM_LABELS } from '../../shared/labels/enumLabels';

// The enum words the briefs print too live in shared/labels (one table per language);
// the window's `enums.<group>` texts are those plus what its locale files add or name
// otherwise on purpose (a locale file's value wins: the window's own register).

type Translation = Record<string, unknown>;

/** `translation` with shared/labels' enum words of `lang` merged into its `enums`, group by group. */
export function withSharedEnumLabels(lang: string, translation: Translation): Translation {
  const shared = (ENUM_LABELS as Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>)[lang];
  if (!shared) return translation;
  const own = (translation.enums ?? {}) as Record<string, Record<string, string>>;
  const enums: Record<string, Record<string, string>> = { ...own };
  for (const [group, labels] of Object.entries(shared)) enums[group] = { ...labels, ...own[group] };
  return { ...translation, enums };
}
