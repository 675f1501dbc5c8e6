import type { Run } from '../doc/model';
import { THEME } from '../doc/theme';
import { formatNumber, formatPartialDate } from '../format';
import { originalsLabels } from '../labels/originals';
import type { Ctx } from '../sections';
import type { OutgoingOriginal } from './outgoing';

// The annex of originals (case brief, WGAD communication, SR submission): every file
// behind a source the brief shows, so that a recipient can check each one by its hash —
// name, type, size, SHA-256, where and when it was captured, when it was added; for a
// photo whose copy lost its location, the copy's SHA-256 beside the original's.

/** "16 February 2021, 10:15 UTC": a DateTime as the brief's language writes it, in UTC so that every reader sees the same. */
function dateTime(iso: string, ctx: Ctx): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const utc = at.toISOString();
  return originalsLabels[ctx.lang].dateTime(formatPartialDate(utc.slice(0, 10), ctx.l), utc.slice(11, 16));
}

function entry(ctx: Ctx, n: number, o: OutgoingOriginal): void {
  const a = originalsLabels[ctx.lang];
  const f = o.file;
  const small = (text: string): Run => ({ text, size: THEME.small });
  const lines: Run[] = [
    { text: `${n}. ${o.source.title}`, style: 'bold' },
    { text: `${a.fileName}: ${o.name}` },
    { text: `${a.type}: ${f.mediaType} · ${a.size}: ${a.bytes(formatNumber(f.size, ctx.l))}` },
    small(`${o.copy ? a.sha256Kept : a.sha256}: ${f.sha256}`),
    ...(o.copy ? [
      { text: a.copyStripped, style: 'italic' as const },
      small(`${a.sha256Copy}: ${o.copy.sha256}`),
      small(`${a.sizeCopy}: ${a.bytes(formatNumber(o.copy.size, ctx.l))}`),
    ] : []),
    ...(f.capturedFrom ? [{ text: `${a.capturedFrom}: ${f.capturedFrom}` }] : []),
    ...(f.capturedAt ? [{ text: `${a.capturedAt}: ${dateTime(f.capturedAt, ctx)}` }] : []),
    { text: `${a.addedAt}: ${dateTime(f.addedAt, ctx)}` },
    // Who added it is a member of the team: a name for the team's own copy only.
    ...(f.addedBy && ctx.mode === 'internal' ? [{ text: `${a.addedBy}: ${f.addedBy}` }] : []),
  ];
  ctx.w.block(lines, { keepTogether: true, gapAfter: 6 });
}

/** The annex, after everything else; nothing when the brief shows no source with an original. */
export function originalsAnnex(ctx: Ctx): void {
  const prepared = ctx.originals;
  if (!prepared || prepared.list.length === 0) return;
  const a = originalsLabels[ctx.lang];
  const intro = [a.annexIntro, ...(prepared.how === 'attach' ? [a.attachedIntro] : prepared.how === 'zip' ? [a.zippedIntro] : [])].join(' ');
  const [first, ...rest] = prepared.list;
  // The heading never ends a page alone: it goes with the first entry.
  ctx.w.keep(() => {
    ctx.w.heading(a.annex);
    ctx.w.block([{ text: intro, color: THEME.muted }], { size: THEME.small });
    entry(ctx, 1, first!);
  });
  rest.forEach((o, i) => entry(ctx, i + 2, o));
}
