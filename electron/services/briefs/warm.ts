import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { CaseDraft, type BriefLang, type CaseFile } from '../../../shared/model';
import { finalizeCase } from '../cases/finalize';
import { renderBrief } from './index';

export { forgetShapedWords } from './layout/faces';

/** How long after a folder's start (its list, search index and snapshot) the app readies the brief writer: not competing with them. */
const WARM_DELAY_MS = 20_000;

// The first brief after start used to take seconds where later ones take a tenth of that: the
// faces are parsed and every step is compiled on first use (and pdf.js was loaded, to read the
// brief back: no longer needed, see layout/readerText). The app does that work in the background a
// while after the folder is open and searchable (Session), with a made-up case that is written
// nowhere, so the user's first brief finds it done. Each step yields to the event loop before the
// next, so a request that arrives meanwhile waits for one step at most.

/** Made-up words in the three scripts (a fixed sequence): enough of them that shaping and the proof are compiled hot. */
function words(n: number, seed: number): string {
  const alphabets = ['abdeghiklmnoprstuvyz', 'абвгдеийклмнопрстуфхчшыя', 'әғқңөұүһіабдеклмнрсту'];
  let s = seed;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, (_, i) => {
    const letters = alphabets[i % 3]!;
    return Array.from({ length: 3 + Math.floor(next() * 7) }, () => letters[Math.floor(next() * letters.length)]).join('');
  }).join(' ');
}

/** A made-up case the size of a real one (names and labels in the three scripts), written nowhere. */
function sampleCase(): CaseFile {
  const source = `${words(300, 1)}.`;
  return finalizeCase(
    CaseDraft.parse({
      kind: 'political_prisoner',
      title: 'Айгерім Сапарова — art. 174',
      status: 'active',
      priority: 'high',
      country: 'KZ',
      region: 'Алматы',
      summary: `A journalist, detained after a report on a protest. Журналист задержан после репортажа о митинге. Журналист митинг туралы репортаждан кейін ұсталды. ${words(40, 2)}.`,
      tags: ['warm-up'],
      person: { name: 'Айгерім Сапарова', aliases: ['Aigerim Saparova', 'Айгерим Сапарова'], occupation: 'journalist' },
      detention: { status: 'imprisoned', since: '2024-03-01' },
      charges: [{ article: '174', code: 'Criminal Code' }],
      events: Array.from({ length: 16 }, (_, k) => ({
        id: `e${k}`,
        date: `20${String(10 + (k % 14)).padStart(2, '0')}-0${1 + (k % 9)}-1${k % 10}`,
        type: (['arrest', 'charge', 'hearing', 'verdict', 'appeal'] as const)[k % 5],
        title: words(4, 10 + k),
        description: words(8, 40 + k),
      })),
      sources: [{ id: 's1', title: 'Report', kind: 'article', publisher: 'News', publishedOn: '2024-03-02', language: 'ru', text: source }],
      annotations: Array.from({ length: 8 }, (_, k) => ({
        id: `a${k}`,
        sourceId: 's1',
        target: { quote: { exact: source.slice(k * 90, k * 90 + 40) } },
        body: words(6, 80 + k),
        tags: ['evidence'],
      })),
      decisions: [{ id: 'd1', date: '2024-06-12', stage: 'verdict', body: 'Almaty City Court', penalty: { type: 'prison', term: { years: 5 } } }],
      requests: [{ id: 'r1', text: 'Release her immediately' }],
    }),
    { id: 'warm-up', rev: 1, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' },
  );
}

const LANGS: readonly BriefLang[] = ['en', 'ru', 'kk'];

/**
 * Readies the brief writer: renders the made-up case's public brief in each language, to memory
 * only, proven clean as every public brief is. Stops between steps once `signal` is aborted (the
 * folder closing).
 */
export async function warmBriefs(signal?: AbortSignal): Promise<void> {
  const c = sampleCase();
  for (const lang of LANGS) {
    await yieldToLoop();
    if (signal?.aborted) return;
    await renderBrief([c], null, { template: 'case', lang, mode: 'public' });
  }
}

/**
 * Schedules warmBriefs a while after start (WARM_DELAY_MS); a brief asked for sooner simply does that
 * work itself. The timer does not keep the process alive; clear it to cancel. Failures go to `onWarning`.
 */
export function warmBriefsSoon(onWarning?: (message: string) => void): NodeJS.Timeout {
  const timer = setTimeout(() => void warmBriefs().catch((err: unknown) => onWarning?.(`Preparing briefs in the background failed: ${(err as Error).message}`)), WARM_DELAY_MS);
  timer.unref();
  return timer;
}
