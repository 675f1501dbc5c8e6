import type { AuditEntry, CaseFile, Decision } from '../../shared/model';

// Titles, names and notes come from bundles anyone can write. Printed raw, an escape
// sequence in a title recolours the terminal, moves the cursor, rewrites the lines
// above it or sets the window title; a carriage return overprints a line; a bidi
// override (U+202E) shows text reversed. Everything the command line prints goes
// through `forTerminal`, which writes each such character as a \uXXXX escape: visible,
// and — inside JSON — the same string, so `--json` output parses to exactly what is
// stored. Kept as they are: line feed and tab, which our own layout uses.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\udb40[\udc00-\udc7f]/g;
// U+061C, U+200E/F, U+202A–E, U+2066–9: bidi marks, embeddings, overrides and isolates;
// U+2028/9: line and paragraph separators; U+E0000–E007F (as surrogate pairs): invisible tag characters.
const LINE_BREAKS = /[\n\t]/g;

/** Each UTF-16 unit as \uXXXX (a tag character is a surrogate pair: two escapes, as JSON writes it). */
const escaped = (ch: string) => Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/** Text safe to write to a terminal: every control, bidi and invisible tag character shown as \uXXXX. */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** One line of user text (a table cell, a title in a list): line breaks and tabs shown as \n and \t too. */
export function oneLine(text: string): string {
  return forTerminal(text).replace(LINE_BREAKS, (ch) => (ch === '\n' ? '\\n' : '\\t'));
}

/** Display width that counts each code point once (enough for Cyrillic; wide CJK will misalign slightly). */
const width = (s: string) => [...s].length;

export function formatTable(header: string[], rawRows: string[][]): string {
  const rows = rawRows.map((r) => r.map(oneLine));
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c)))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const mark = (confidential: boolean | undefined) => (confidential ? ' [confidential]' : '');

function penaltyLine(p: NonNullable<Decision['penalty']>): string {
  const t = p.term;
  const term = t ? [t.years !== undefined ? `${t.years}y` : '', t.months !== undefined ? `${t.months}m` : '', t.days !== undefined ? `${t.days}d` : ''].filter(Boolean).join(' ') : '';
  return [p.type, term, p.fine ? `${p.fine.amount} ${p.fine.currency}` : ''].filter(Boolean).join(', ');
}

const ALWAYS_CONFIDENTIAL = ' [confidential]';
const born = (b: { date: string; approximate?: boolean | undefined }) => `${b.approximate ? 'c. ' : ''}${b.date}`;
const joined = (parts: Array<string | false | undefined>) => parts.filter(Boolean).join('; ');

/** A plain-text view of one case for the terminal. Confidential items are marked as such. */
export function formatCase(c: CaseFile): string {
  const out: string[] = [oneLine(c.title), `  id ${c.id} · ${c.kind} · ${c.status} · priority ${c.priority} · rev ${c.rev}`];
  if (c.country || c.region) out.push(`  ${[c.region, c.country].filter(Boolean).join(', ')}`);
  if (c.kind === 'political_prisoner') {
    const p = c.person;
    out.push(`Person: ${p.name}${p.aliases.length ? ` (also ${p.aliases.join(', ')})` : ''}`);
    const identity = joined([
      p.familyName !== undefined && `family name: ${p.familyName}`,
      p.givenNames !== undefined && `given names: ${p.givenNames}`,
      p.born && `born ${born(p.born)}`,
      p.gender && `gender: ${p.gender}`,
      p.nationality.length > 0 && `nationality: ${p.nationality.join(', ')}`,
      p.occupation && `occupation: ${p.occupation}`,
      p.affiliation && `affiliation: ${p.affiliation}`,
    ]);
    if (identity) out.push(`  ${identity}`);
    if (p.contact) out.push(`  contact: ${p.contact}${ALWAYS_CONFIDENTIAL}`);
    if (p.address) out.push(`  address: ${p.address}${ALWAYS_CONFIDENTIAL}`);
    if (p.idDocument) {
      const d = p.idDocument;
      out.push(`  ID document: ${d.type} ${d.number}${d.issuedBy ? `, issued by ${d.issuedBy}` : ''}${d.issuedOn ? ` on ${d.issuedOn}` : ''}${ALWAYS_CONFIDENTIAL}`);
    }
    if (c.arrest) {
      const a = c.arrest;
      out.push(
        `Arrest: ${joined([
          a.date ?? 'undated',
          a.place && `at ${a.place}`,
          a.by && `by ${a.by}`,
          a.warrantShown && `warrant shown: ${a.warrantShown}`,
          a.warrantIssuedBy && `warrant issued by ${a.warrantIssuedBy}`,
          a.reasonsGiven && `reasons given: ${a.reasonsGiven}`,
          a.legalBasis && `legal basis: ${a.legalBasis}`,
        ])}`,
      );
    }
    const d = c.detention;
    out.push(
      `Detention: ${d.status}${d.since ? ` since ${d.since}` : ''}${d.place ? ` at ${d.place}` : ''}${d.heldBy ? `, held by ${d.heldBy}` : ''}` +
        `${d.releasedOn ? `; released on ${d.releasedOn}` : ''}${d.expectedRelease ? `; expected release ${d.expectedRelease}` : ''}`,
    );
    if (d.conditions) out.push(`  conditions: ${d.conditions}`);
    if (d.health) out.push(`  health: ${d.health}${ALWAYS_CONFIDENTIAL}`);
    for (const ch of c.charges) out.push(`Charge: ${ch.code}${ch.article !== undefined ? ` art. ${ch.article}` : ''}${ch.summary ? ` — ${ch.summary}` : ''}${ch.outcome ? ` (${ch.outcome})` : ''}`);
    for (const dec of c.decisions) out.push(`Decision: ${dec.date ?? 'undated'} ${dec.stage}${dec.body ? ` by ${dec.body}` : ''}${dec.penalty ? ` — ${penaltyLine(dec.penalty)}` : ''}${dec.outcome ? `; ${dec.outcome}` : ''}${mark(dec.confidential)}`);
    for (const r of c.recognitions) out.push(`Recognised: ${r.label} by ${r.by}${r.date ? ` (${r.date})` : ''}`);
    if (c.lawyer) out.push(`Lawyer: ${c.lawyer} [confidential]`);
  } else {
    const o = c.organization;
    out.push(`Organisation: ${o.name}${o.aliases.length ? ` (also ${o.aliases.join(', ')})` : ''}`);
    const org = joined([
      o.legalForm && `legal form: ${o.legalForm}`,
      o.registrationNumber && `registration: ${o.registrationNumber}`,
      o.founded && `founded ${o.founded}`,
      o.city && `city: ${o.city}`,
      o.focus && `focus: ${o.focus}`,
      o.members !== undefined && `${o.members} members`,
    ]);
    if (org) out.push(`  ${org}`);
    const m = c.measure;
    out.push(
      `Measure: ${m.type} by ${m.authority} (${m.status})${m.start ? ` from ${m.start}` : ''}${m.end ? ` to ${m.end}` : ''}` +
        `${m.durationMonths !== undefined ? `, ${m.durationMonths} months` : ''}${m.fine ? `, fine ${m.fine.amount} ${m.fine.currency}` : ''}${m.legalBasis ? `; basis: ${m.legalBasis}` : ''}${m.aimClaimed ? `; aim claimed: ${m.aimClaimed}` : ''}`,
    );
    if (c.appeal) out.push(`Appeal: ${joined([c.appeal.court, c.appeal.filed && `filed ${c.appeal.filed}`, c.appeal.outcome]) || 'filed'}`);
    if (c.impact) out.push(`Impact: ${c.impact}`);
  }
  if (c.consent) out.push(`Consent: ${joined([c.consent.status, c.consent.by && `by ${c.consent.by}`, c.consent.date, c.consent.scope && `scope: ${c.consent.scope}`])}${ALWAYS_CONFIDENTIAL}`);
  if (c.tags.length) out.push(`Tags: ${c.tags.join(', ')}`);
  if (c.summary) out.push('', c.summary);
  if (c.events.length) {
    out.push('', 'Timeline:');
    // The array is the chronology (the user's order where dates cannot be compared).
    for (const e of c.events) out.push(`  ${e.date ?? 'undated'}  ${e.type}: ${e.title}${mark(e.confidential)}`);
  }
  if (c.sources.length) {
    out.push('', 'Sources:');
    for (const s of c.sources) out.push(`  ${s.title} (${s.kind}${s.publisher ? `, ${s.publisher}` : ''}) sha256 ${s.sha256.slice(0, 12)}${s.file ? `; original ${s.file.name} (${s.file.mediaType})` : ''}${mark(s.confidential)}`);
  }
  if (c.annotations.length) out.push('', `Annotations: ${c.annotations.length}`);
  if (c.deadlines.length) {
    out.push('', 'Deadlines:');
    for (const d of c.deadlines) out.push(`  ${d.date}  ${d.title}${d.done ? ' (done)' : ''}${mark(d.confidential)}`);
  }
  if (c.advocacy.length) {
    out.push('', 'Advocacy:');
    for (const a of c.advocacy) out.push(`  ${a.date ?? '----'}  ${a.kind} to ${a.target}: ${a.status}${mark(a.confidential)}`);
  }
  if (c.requests.length) {
    out.push('', 'Requests:');
    for (const r of c.requests) out.push(`  ${r.text}${r.addressee ? ` (to ${r.addressee})` : ''}${mark(r.confidential)}`);
  }
  return out.join('\n');
}

/** A snippet with its matched words in [brackets], for a terminal without colour. */
export function markSnippet(snippet: string, highlights: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += `${snippet.slice(at, start)}[${snippet.slice(start, end)}]`;
    at = end;
  }
  return (out + snippet.slice(at)).replace(/\s+/g, ' ');
}

const CAUSE_WORDS: Record<AuditEntry['cause'], string> = {
  create: 'created',
  update: 'edited',
  import: 'imported',
  restore: 'restored from the Trash',
  trash: 'moved to the Trash',
  recover: 'recovered from a backup',
  'backup-restore': 'restored from a backup',
  migrate: 'migrated to the new case model',
  custody: 'original taken out of Casefile',
  'sync-conflict': 'sync conflict settled (the version not kept is in this line)',
};

const shown = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/** Who took which original where, in one line (the `by` is the Settings name, else the system's user, said so). */
export function custodyLine(c: NonNullable<AuditEntry['custody']>): string {
  const who = c.byFrom === 'os' ? `${c.by} (system user)` : c.by;
  const what = `the original “${c.name}” of “${c.title}” (SHA-256 ${c.sha256})`;
  if (c.action === 'briefed') return `${who} sent ${what} with the brief ${c.to ?? '?'}`;
  return c.action === 'saved' ? `${who} saved ${what} to ${c.to ?? '?'}` : `${who} downloaded ${what} in the browser`;
}

/** One history entry: a heading line, then a line per changed field. */
export function formatAuditEntry(entry: AuditEntry): string {
  const head = `${entry.at.replace('T', ' ').slice(0, 19)}  rev ${entry.rev}  ${CAUSE_WORDS[entry.cause]}${entry.imported ? ' (recorded on another machine)' : ''}`;
  return [head, ...(entry.custody ? [`  ${custodyLine(entry.custody)}`] : []), ...entry.changes.map((c) => `  ${c.path}: ${shown(c.old)} → ${shown(c.new)}`)].join('\n');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
