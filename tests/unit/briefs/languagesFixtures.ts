import type { CaseFile } from '../../../shared/model';
import { makeCase } from './fixtures';

/** The name as the case records it first (Latin), and its Russian and Kazakh spellings. */
export const NAME = { latin: 'Kenzhebek Abishev', russian: 'Кенжебек Абишев', kazakh: 'Кенжебек Әбішев' };

/** The Russian summary the advocate gave for Russian briefs; the Kazakh one is the case's own. */
export const RU_SUMMARY = 'Гражданский активист Кенжебек Абишев задержан на одиночном пикете и арестован на 10 суток.';
export const KK_SUMMARY = 'Азаматтық белсенді Кенжебек Әбішев жеке пикетте ұсталып, 10 тәулікке әкімшілік қамаққа алынды.';

/**
 * A 10-day administrative arrest whose text is all Kazakh, so that any Latin word in a
 * Kazakh brief other than the person's recorded spelling is the brief's own.
 */
export function kazakhArrestCase(): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Кенжебек Әбішев — жеке пикет үшін әкімшілік қамаққа алу',
    status: 'active',
    priority: 'urgent',
    country: 'KZ',
    region: 'Алматы',
    summary: KK_SUMMARY,
    briefing: { summaries: { ru: RU_SUMMARY } },
    person: {
      name: NAME.latin,
      aliases: [NAME.russian, NAME.kazakh],
      born: { date: '1985-07-04' },
      gender: 'male',
      nationality: ['KZ'],
      occupation: 'азаматтық белсенді',
    },
    arrest: { date: '2021-02-16', place: 'Республика алаңы, Алматы', by: 'Алматы қаласының полиция департаменті', warrantShown: 'no' },
    detention: { status: 'administrative_arrest', place: 'Алматы қаласының арнаулы қабылдау орны', since: '2021-02-16' },
    charges: [{ article: '488-бап 6-бөлік', code: 'Әкімшілік құқық бұзушылық туралы кодекс', summary: 'бейбіт жиналысты ұйымдастыру тәртібін бұзу' }],
    decisions: [
      {
        id: 'd1', stage: 'verdict', date: '2021-02-16', body: 'Алматы қаласының мамандандырылған ауданаралық әкімшілік соты',
        penalty: { type: 'administrative_arrest', term: { days: 10 } },
      },
    ],
    events: [
      { date: '2021-02-16', type: 'arrest', title: 'Республика алаңында ұсталды' },
      { date: '2021-02', type: 'appeal', title: 'Қаулыға шағым берілді' },
    ],
    analysis: { wgadCategories: ['II'], rightsViolated: ['АСҚХП 21-бап'], argument: 'Жеке пикет — бейбіт жиналыс құқығын жүзеге асыру.' },
    requests: [{ text: 'Кенжебек Әбішевті дереу босатуды сұраймыз.' }],
  });
}
