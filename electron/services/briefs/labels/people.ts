import type { BriefLang } from '../../../../shared/model/brief';

// The multi-case brief's context section on the bodies that recur across its cases (people
// index), beside the shared tables in labels.ts. Read as peopleLabels[ctx.lang].

type BodyRole = 'court' | 'authority' | 'arresting_agency' | 'detention_place';

const en = {
  heading: 'Bodies that recur across these cases',
  intro: 'The courts, authorities and agencies named in two or more of the cases on this list, with the number of cases and their profile numbers.',
  body: 'Body',
  role: 'Role',
  cases: 'Cases',
  alsoWritten: 'also written',
  roles: { court: 'court', authority: 'authority', arresting_agency: 'arresting agency', detention_place: 'place of detention' } satisfies Record<BodyRole, string>,
};

export type PeopleLabels = typeof en;

const ru: PeopleLabels = {
  heading: 'Органы, повторяющиеся в этих делах',
  intro: 'Суды, государственные органы и ведомства, названные в двух и более делах этого списка, с числом дел и номерами их профилей.',
  body: 'Орган',
  role: 'Роль',
  cases: 'Дела',
  alsoWritten: 'также пишется',
  roles: { court: 'суд', authority: 'государственный орган', arresting_agency: 'орган, осуществивший задержание', detention_place: 'место содержания под стражей' },
};

const kk: PeopleLabels = {
  heading: 'Осы істерде қайталанатын органдар',
  intro: 'Осы тізімдегі екі немесе одан көп істе аталған соттар, мемлекеттік органдар мен ведомстволар — істер саны мен олардың профиль нөмірлері.',
  body: 'Орган',
  role: 'Рөлі',
  cases: 'Істер',
  alsoWritten: 'басқаша жазылуы',
  roles: { court: 'сот', authority: 'мемлекеттік орган', arresting_agency: 'ұстауды жүзеге асырған орган', detention_place: 'қамауда ұстау орны' },
};

export const peopleLabels: Record<BriefLang, PeopleLabels> = { en, ru, kk };
