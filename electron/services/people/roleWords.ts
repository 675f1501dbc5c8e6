import type { ActorRole } from '../../../shared/people';

// People named in running text by a role word: "judge Ivanov", «судья Иванов А.Б.»,
// «судьёй Ивановым», «тергеуші Серікбаев». The role word may be declined (Russian and
// Kazakh cases); the name is what follows it: one to three capitalised words, with
// initials before or after. Pure: no I/O.

type Grammatical = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'prep';
type RoleForm = { role: ActorRole; case: Grammatical };

const FORMS: ReadonlyArray<readonly [ActorRole, Grammatical, readonly string[]]> = [
  // English: not declined.
  ['judge', 'nom', ['judge']],
  ['prosecutor', 'nom', ['prosecutor']],
  ['investigator', 'nom', ['investigator']],
  ['lawyer', 'nom', ['lawyer', 'attorney', 'advocate']],
  // Russian (Kazakh writes судья, прокурор, адвокат the same in the nominative).
  ['judge', 'nom', ['судья']],
  ['judge', 'gen', ['судьи']],
  ['judge', 'dat', ['судье']],
  ['judge', 'acc', ['судью']],
  ['judge', 'ins', ['судьёй', 'судьей', 'судьею']],
  ['prosecutor', 'nom', ['прокурор']],
  ['prosecutor', 'gen', ['прокурора']],
  ['prosecutor', 'dat', ['прокурору']],
  ['prosecutor', 'ins', ['прокурором']],
  ['prosecutor', 'prep', ['прокуроре']],
  ['investigator', 'nom', ['следователь']],
  ['investigator', 'gen', ['следователя']],
  ['investigator', 'dat', ['следователю']],
  ['investigator', 'ins', ['следователем']],
  ['investigator', 'prep', ['следователе']],
  ['lawyer', 'nom', ['адвокат', 'защитник']],
  ['lawyer', 'gen', ['адвоката', 'защитника']],
  ['lawyer', 'dat', ['адвокату', 'защитнику']],
  ['lawyer', 'ins', ['адвокатом', 'защитником']],
  ['lawyer', 'prep', ['адвокате', 'защитнике']],
  // Kazakh: the possessive and case endings; a name after them is not declined.
  ['judge', 'nom', ['судьясы', 'судьяның', 'судьяға', 'судьяны', 'судьямен', 'судьясының']],
  ['prosecutor', 'nom', ['прокуроры', 'прокурордың', 'прокурорға', 'прокурорды', 'прокурормен', 'прокурорының']],
  ['investigator', 'nom', ['тергеуші', 'тергеушісі', 'тергеушінің', 'тергеушіге', 'тергеушіні', 'тергеушімен', 'тергеушісінің']],
  ['lawyer', 'nom', ['адвокаты', 'адвокаттың', 'адвокатқа', 'адвокатты', 'адвокатпен', 'адвокатының', 'қорғаушы', 'қорғаушысы']],
];

const BY_WORD = new Map<string, RoleForm>();
for (const [role, grammatical, words] of FORMS) for (const w of words) BY_WORD.set(w, { role, case: grammatical });

const ROLE_WORD = new RegExp(`(?<![\\p{L}\\p{M}])(${[...BY_WORD.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{M}])`, 'giu');

// A capitalised word (hyphens and apostrophes inside: "Абдрахман-улы", "O'Brien"), or initials ("А.Б.", "A. B.").
const WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{L}[\p{Ll}\p{M}]*)*`;
const INITIALS = String.raw`\p{Lu}\.(?:\s?\p{Lu}\.)?`;
const NAME = new RegExp(String.raw`[\s,:]{1,3}((?:${INITIALS}\s?)?${WORD}(?:\s${WORD}){0,2}(?:\s${INITIALS})?)`, 'uy');

// Capitalised words that follow a role word without being a name: "Prosecutor General",
// «прокурор Генеральной прокуратуры», «судья Алмалинского районного суда».
const NOT_A_NAME = /^(general|office|court|district|city|regional|supreme|deputy|senior|chief|of|the|генерал|прокуратур|район|город|област|верховн|специализ|апелляц|суд|сот|аудан|қалал|облыс|бас|жоғар|старш|заместит)/iu;

/** The forms a Russian surname in -ов/-ев/-ёв/-ин/-ын takes after a role word in each case, back to the nominative. */
const SURNAME_STEM = String.raw`(.+(?:ов|ев|ёв|ин|ын))`;
const RESTORE: Record<Grammatical, ReadonlyArray<readonly [RegExp, string]>> = {
  nom: [],
  gen: [[new RegExp(`^${SURNAME_STEM}ой$`, 'u'), '$1а'], [new RegExp(`^${SURNAME_STEM}а$`, 'u'), '$1']],
  acc: [[new RegExp(`^${SURNAME_STEM}у$`, 'u'), '$1а'], [new RegExp(`^${SURNAME_STEM}а$`, 'u'), '$1']],
  dat: [[new RegExp(`^${SURNAME_STEM}ой$`, 'u'), '$1а'], [new RegExp(`^${SURNAME_STEM}у$`, 'u'), '$1']],
  ins: [[new RegExp(`^${SURNAME_STEM}ой$`, 'u'), '$1а'], [new RegExp(`^${SURNAME_STEM}ым$`, 'u'), '$1']],
  prep: [[new RegExp(`^${SURNAME_STEM}ой$`, 'u'), '$1а'], [new RegExp(`^${SURNAME_STEM}е$`, 'u'), '$1']],
};

/**
 * A surname declined after the role word, in the nominative: «судьи Иванова» → Иванов,
 * «судьёй Ивановой» → Иванова. Only surnames of the -ов/-ин kind are restored (the
 * others keep their written form); a genitive -ова is read as a man's (Иванов), since a
 * woman's genitive would be -овой.
 */
function nominative(word: string, grammatical: Grammatical): string {
  for (const [form, to] of RESTORE[grammatical]) if (form.test(word)) return word.replace(form, to);
  return word;
}

// Most text names nobody by role: a plain substring test of the stems spares it the regex
// (the index scans every event of every case).
const STEMS = ['judge', 'prosecutor', 'investigator', 'lawyer', 'attorney', 'advocate', 'судь', 'прокурор', 'следовател', 'адвокат', 'защитник', 'тергеуш', 'қорғауш'];
const mayName = (text: string): boolean => {
  const lower = text.toLowerCase();
  return STEMS.some((stem) => lower.includes(stem));
};

export type NamedInText = { role: ActorRole; name: string; written: string };

/** Every person named after a role word in `text`, the name in the nominative where it could be restored. */
export function namesAfterRoleWords(text: string): NamedInText[] {
  const found: NamedInText[] = [];
  if (!text || !mayName(text)) return found;
  ROLE_WORD.lastIndex = 0;
  for (let m = ROLE_WORD.exec(text); m; m = ROLE_WORD.exec(text)) {
    const form = BY_WORD.get(m[1]!.toLocaleLowerCase('ru'));
    if (!form) continue;
    NAME.lastIndex = m.index + m[0].length;
    const named = NAME.exec(text);
    if (!named) continue;
    const written = named[1]!.trim();
    if (NOT_A_NAME.test(written)) continue;
    const name = written
      .split(' ')
      .map((w) => nominative(w, form.case))
      .join(' ');
    found.push({ role: form.role, name, written });
  }
  return found;
}
