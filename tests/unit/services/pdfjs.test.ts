import { describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { renderBrief } from '../../../electron/services/briefs';
import { extractPdfText } from '../../../electron/services/briefs/pdfText';
import { finalizeCase } from '../../../electron/services/cases/finalize';
import { prisonerDraft } from '../../helpers/fixtures';

/** The built-ins pdf.js's polyfills were seen to replace (the hot ones among them). */
const builtins = () => ({
  stringify: JSON.stringify,
  parse: JSON.parse,
  push: Array.prototype.push,
  // oxlint-disable-next-line typescript/unbound-method
  toString: Function.prototype.toString,
  TextEncoder: globalThis.TextEncoder,
  TextDecoder: globalThis.TextDecoder,
  MessageChannel: globalThis.MessageChannel,
  ReadableStream: globalThis.ReadableStream,
});

// pdf.js's legacy build replaces working built-ins with slower polyfills when it (and
// its worker) load; the loader puts them back, so reading one PDF does not slow the
// rest of the session.
describe('loading pdf.js', () => {
  it('leaves JSON, Array.prototype.push, TextEncoder and the other built-ins as they were, and still reads PDFs', async () => {
    const before = builtins();
    const c = finalizeCase(CaseDraft.parse(prisonerDraft({ title: 'Серік Әбенов — PDF check' })), { id: 'pdfjs-check', rev: 1, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' });
    // Public mode reads its own PDF back (the leak check), so the fake worker has run too.
    const rendered = await renderBrief([c], null, { template: 'case' });
    const read = await extractPdfText(rendered.data);
    expect(read.text).toContain('Серік Әбенов');
    const after = builtins();
    for (const name of Object.keys(before) as Array<keyof typeof before>) expect(after[name], name).toBe(before[name]);
  });
});
