import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forTerminal, oneLine } from '../../../electron/cli/format';
import { cli, cliProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';

// Titles, names and notes arrive in bundles anyone can write. A terminal obeys what it
// is sent: ESC [2J clears the screen, ESC ]0;… sets the window title, CR overprints the
// line, U+202E shows text reversed, and a line feed in a title forges a row of `list`.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-terminal-')));
afterEach(() => cleanup());

const data = () => path.join(dir, 'data');

const HOSTILE = {
  clear: 'Clears \u001b[2J\u001b[H the screen',
  title: 'Sets \u001b]0;pwned\u0007 the window title',
  overprint: 'Real title\rFAKE',
  bidi: 'Invoice \u202Efdp.exe',
  c1: 'C1 \u009b31m CSI and \u0085 NEL',
  forged: 'One line\nimported  forged-id  A forged row',
  tags: 'Tagged \u{E0041}\u{E0042} text',
  isolate: 'Isolate \u2067hidden\u2069 and \u2028 separator',
};

/** Every character a terminal may act on or hide, except line feed and tab. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\udb40[\udc00-\udc7f]/;

async function bundleFile(): Promise<string> {
  const cases = Object.entries(HOSTILE).map(([id, title]) => ({
    id,
    kind: 'political_prisoner',
    title,
    summary: `Summary of ${title}`,
    person: { name: `Name ${title}`, aliases: [`Alias ${title}`] },
    events: [{ date: '2026-01-02', type: 'hearing', title: `Hearing ${title}` }],
    deadlines: [{ date: '2026-12-31', title: `Deadline ${title}` }],
    sources: [{ id: 's', title: `Source ${title}`, kind: 'article', text: `Words of ${title}` }],
    annotations: [{ sourceId: 's', body: `Note ${title}`, target: { quote: { exact: 'Words' } } }],
  }));
  const file = path.join(dir, 'hostile.casefile.json');
  await writeFile(file, JSON.stringify({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases }));
  return file;
}

describe('printing to a terminal', () => {
  it('forTerminal escapes exactly the unsafe characters; oneLine also shows line breaks', () => {
    expect(forTerminal('a\u001b[31mb\tc\nd\u202Ee\u{E0041}é Қ 🕊️')).toBe('a\\u001b[31mb\tc\nd\\u202ee\\udb40\\udc41é Қ 🕊️');
    expect(oneLine('a\nb\tc\rd')).toBe('a\\nb\\tc\\u000dd');
    // Inside a JSON string an escape is the same character: --json output parses to the same values.
    const json = JSON.stringify({ t: Object.values(HOSTILE).join('|') }, null, 2);
    expect(JSON.parse(forTerminal(json))).toEqual(JSON.parse(json));
    expect(UNSAFE.test(forTerminal(json))).toBe(false);
  });

  it('the real command line prints no control character from a hostile bundle, and --json stays exact', async () => {
    const file = await bundleFile();
    const imported = await cliProcess(['--data-dir', data(), 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(UNSAFE.test(imported.stdout)).toBe(false);
    expect(imported.stdout).toContain('Clears \\u001b[2J\\u001b[H the screen');
    expect(imported.stdout.trimEnd().split('\n')).toHaveLength(Object.keys(HOSTILE).length + 1); // a line per case and the total

    const list = await cliProcess(['--data-dir', data(), 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(UNSAFE.test(list.stdout)).toBe(false);
    const rows = list.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(Object.keys(HOSTILE).length + 1); // the header and one row per case: nothing forged
    expect(rows.filter((r) => r.startsWith('forged-id'))).toEqual([]);
    expect(list.stdout).toContain('Sets \\u001b]0;pwned\\u0007 the window title');
    expect(list.stdout).toContain('Invoice \\u202efdp.exe');
    expect(list.stdout).toContain('Real title\\u000dFAKE');
    expect(list.stdout).toContain('One line\\nimported  forged-id  A forged row');
    expect(list.stdout).toContain('Tagged \\udb40\\udc41\\udb40\\udc42 text');

    const json = await cliProcess(['--data-dir', data(), 'list', '--json']);
    expect(json.code).toBe(0);
    expect(UNSAFE.test(json.stdout)).toBe(false);
    const listed = JSON.parse(json.stdout) as Array<{ id: keyof typeof HOSTILE; title: string }>;
    for (const row of listed) {
      expect(row.title).toBe(HOSTILE[row.id]); // exactly what is stored…
      const onDisk = JSON.parse(await readFile(path.join(data(), 'cases', `${row.id}.json`), 'utf8')) as { title: string };
      expect(onDisk.title).toBe(HOSTILE[row.id]); // …and stored as given
    }
  });

  it('show, search, annotations, agenda, history and verify escape them too', async () => {
    const file = await bundleFile();
    expect((await cli(['--data-dir', data(), 'import', file])).code).toBe(0);
    const runs = [
      ...Object.keys(HOSTILE).flatMap((id) => [['show', id], ['annotations', id], ['history', id]]),
      ['search', 'Summary'],
      ['search', 'Hearing'],
      ['agenda', '--today', '2026-06-01'],
      ['verify'],
      ['info'],
    ];
    for (const args of runs) {
      const run = await cli(['--data-dir', data(), ...args]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(UNSAFE.test(run.stdout), `${args.join(' ')} printed a control character: ${JSON.stringify(run.stdout)}`).toBe(false);
      expect(UNSAFE.test(run.stderr), args.join(' ')).toBe(false);
    }
    const show = await cli(['--data-dir', data(), 'show', 'forged']);
    expect(show.stdout.split('\n')[0]).toBe('One line\\nimported  forged-id  A forged row'); // the title stays one line
    const agenda = await cli(['--data-dir', data(), 'agenda', '--today', '2026-06-01']);
    expect(agenda.stdout.trimEnd().split('\n')).toHaveLength(1 + Object.keys(HOSTILE).length + 1); // header, one deadline each, the total
  });

  it('errors that quote user text (an argument, a file’s bytes) are escaped as well', async () => {
    const unknown = await cli(['\u001b[2Jbogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "\\u001b[2Jbogus"');
    expect(UNSAFE.test(unknown.stderr)).toBe(false);
    const file = path.join(dir, 'not-json.json');
    await writeFile(file, '\u001b]0;pwned\u0007{');
    const run = await cliProcess(['--data-dir', data(), 'import', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not valid JSON');
    expect(UNSAFE.test(run.stderr)).toBe(false);
  });
});
