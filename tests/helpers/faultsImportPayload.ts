import { payloadFor } from './savePayload';

/** The case the import crash test stores under `id`: every field derives from the id. */
export function importedCase(id: string) {
  const n = [...id].reduce((a, ch) => a + ch.charCodeAt(0), 0);
  const text = `Source of ${id}: Қ Ө Ү Ұ Ә Ғ Ң І Һ. `.repeat(20);
  const common = {
    id,
    rev: 1 + (n % 3),
    createdAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
    title: `Imported ${id}`,
    summary: payloadFor(id, 1 + (n % 40)),
    tags: ['import-crash'],
    sources: [{ id: 's1', title: `Source ${id}`, kind: 'article' as const, text }],
    annotations: [{ id: 'a1', sourceId: 's1', target: { quote: { exact: `Source of ${id}` } }, body: `Note on ${id}`, tags: [], confidential: false }],
    events: [{ id: 'e1', date: '2022-01-14', type: 'arrest' as const, title: `Arrest ${id}`, sourceIds: ['s1'] }],
  };
  return n % 2 === 0
    ? { ...common, kind: 'political_prisoner' as const, person: { name: `Person ${id}`, aliases: [`Адам ${id}`] } }
    : { ...common, kind: 'ngo_suspension' as const, organization: { name: `NGO ${id}`, aliases: [] }, measure: { type: 'suspension' as const, authority: 'Ministry of Justice' } };
}
