import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { keepSyncIgnore, SYNC_IGNORE_BEGIN, SYNC_IGNORE_END, withAppBlock } from '../../../electron/services/disk/syncIgnore';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// The data folder's .stignore: what the app writes, what it keeps of the user's, and
// whether its patterns really cover every file a machine makes for itself.

/**
 * Syncthing's ignore semantics, for the patterns a .stignore holds: `//` comments,
 * `(?d)`/`(?i)` prefixes, `!` negation, first match wins; `/x` anchors at the root,
 * otherwise the pattern matches at any depth; `*` is any run of characters but `/`,
 * `?` one such character; a pattern that matches a folder matches all inside it.
 */
function ignoredBy(patterns: string[], rel: string): boolean {
  for (const raw of patterns) {
    let p = raw.trim();
    if (p === '' || p.startsWith('//')) continue;
    let include = false;
    for (;;) {
      if (p.startsWith('!')) {
        include = true;
        p = p.slice(1);
      } else if (/^\(\?[di]\)/.test(p)) p = p.slice(4);
      else break;
    }
    const anchored = p.startsWith('/');
    const body = (anchored ? p.slice(1) : p).replace(/\/$/, '');
    const re = body
      .split('')
      .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    const matcher = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}(?:/.*)?$`);
    if (matcher.test(rel)) return !include;
  }
  return false;
}

/** What the team shares: a file here (or in a folder here) goes to every machine. */
const SYNCED = [/^cases\//, /^trash\//, /^history\//, /^files\//, /^meta\.json$/, /^settings\.json$/, /^addressees\.json$/, /^vault\.json$/];

async function allFiles(root: string): Promise<string[]> {
  const found = await readdir(root, { withFileTypes: true, recursive: true });
  return found.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('.stignore', () => {
  it('covers every file a machine makes for itself, and none of what the team shares', async () => {
    const { dir, cleanup } = await tempDir('casefile-stignore-');
    try {
      // A case file that does not parse: the open quarantines it (a machine's own finding).
      await mkdir(path.join(dir, 'cases'), { recursive: true });
      await writeFile(path.join(dir, 'cases', 'broken.json'), '{ not json');
      const store = await CaseStore.open(dir);
      const dispatch = createDispatcher(createHandlers(store));
      const created = await dispatch('cases.create', { case: prisonerDraft({ title: 'Серік Әлиев — shared case' }) });
      if (!created.ok) throw new Error(created.error.message);
      const c = created.value;
      const { id: _id, rev: _rev, createdAt: _c, updatedAt: _u, ...draft } = c;
      const updated = await dispatch('cases.update', { id: c.id, baseRev: c.rev, case: { ...draft, summary: 'Өзгертілді' } });
      expect(updated.ok).toBe(true);
      const other = await dispatch('cases.create', { case: prisonerDraft({ title: 'To the Trash' }) });
      if (!other.ok) throw new Error(other.error.message);
      expect((await dispatch('cases.trash', { id: other.value.id })).ok).toBe(true);
      const hits = await dispatch('search.query', { query: 'Әлиев' });
      expect(hits.ok && hits.value.length).toBe(1);
      expect((await dispatch('backups.create', {})).ok).toBe(true);
      expect((await dispatch('team.device', {})).ok).toBe(true);
      // A durable write's temp file, as a crash would leave it in history/.
      await writeFile(path.join(dir, 'history', `.${c.id}.jsonl.123.abcdef.tmp`), 'x');
      const patterns = (await readFile(path.join(dir, '.stignore'), 'utf8')).split('\n');
      const whileOpen = await allFiles(dir);
      await store.close();
      const afterClose = await allFiles(dir);

      const seen = new Set([...whileOpen, ...afterClose]);
      // Each kind of machine-local file really is there, so the check below is not empty.
      for (const local of ['casefile.lock', 'summary-index.json', 'search-index.bin', 'manifest.jsonl', 'local/device.json']) expect(seen, local).toContain(local);
      for (const prefix of ['backups/', 'quarantine/']) expect([...seen].some((f) => f.startsWith(prefix)), prefix).toBe(true);
      for (const rel of seen) {
        if (rel === '.stignore') continue; // Syncthing never syncs it
        const synced = SYNCED.some((re) => re.test(rel)) && !rel.endsWith('.tmp');
        expect(ignoredBy(patterns, rel), `${rel} is ${synced ? 'shared' : 'machine-local'}`).toBe(!synced);
      }
      expect([...seen].filter((rel) => rel.startsWith('history/') && !rel.endsWith('.tmp')).length).toBeGreaterThan(0);
    } finally {
      await cleanup();
    }
  });

  it('keeps the user’s lines, rewrites only its own block, and writes only when it differs', async () => {
    const { dir, cleanup } = await tempDir('casefile-stignore-');
    try {
      expect(await keepSyncIgnore(dir)).toBe(true);
      const fresh = await readFile(path.join(dir, '.stignore'), 'utf8');
      expect(fresh.startsWith(`${SYNC_IGNORE_BEGIN}\n`)).toBe(true);
      expect(fresh.endsWith(`${SYNC_IGNORE_END}\n`)).toBe(true);
      expect(await keepSyncIgnore(dir)).toBe(false);

      // The user adds lines before and after; an old version of the block (one pattern lost) sits between.
      const stale = fresh.replace('/search-index.bin\n', '/old-pattern\n');
      await writeFile(path.join(dir, '.stignore'), `// mine\n/Drafts\n${stale}*.docx~\n`);
      expect(await keepSyncIgnore(dir)).toBe(true);
      const kept = await readFile(path.join(dir, '.stignore'), 'utf8');
      expect(kept).toBe(`// mine\n/Drafts\n${fresh}*.docx~\n`);
      expect(kept).not.toContain('/old-pattern');
      expect(await keepSyncIgnore(dir)).toBe(false);
      expect(withAppBlock(kept)).toBe(kept);

      // A file without the block (written by hand, or by Syncthing's GUI) gets it appended.
      expect(withAppBlock('/Drafts\r\n')).toBe(`/Drafts\n${fresh}`);
    } finally {
      await cleanup();
    }
  });
});
