import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { TableMapping } from '../../../shared/tables';
import { writeFileDurably } from '../disk/durableFile';
import { LOCAL_DIR } from '../disk/folderLayout';
import { layoutKey } from './headers';

// The mapping of the last import of each layout (the same headers in the same order), so
// the NGO's next monthly list maps itself. Kept machine-local, in the folder's local/
// corner (never synced, never sealed): a mapping names only column headers and fields,
// nothing of a case, and another member's spreadsheets may be titled otherwise.

const MAPPINGS_FILE = `${LOCAL_DIR}/table-mappings.json`;
const KEEP = 200;

const Saved = z.object({ layouts: z.array(z.object({ key: z.string(), mapping: TableMapping })) });
type Saved = z.infer<typeof Saved>;

async function load(dataDir: string): Promise<Saved> {
  try {
    const parsed = Saved.safeParse(JSON.parse(await readFile(path.join(dataDir, ...MAPPINGS_FILE.split('/')), 'utf8')));
    return parsed.success ? parsed.data : { layouts: [] };
  } catch {
    return { layouts: [] }; // missing or damaged: the mapping is suggested from the headers again
  }
}

export async function savedMapping(dataDir: string, headers: readonly string[]): Promise<TableMapping | undefined> {
  const key = layoutKey(headers);
  return (await load(dataDir)).layouts.find((l) => l.key === key)?.mapping;
}

export async function saveMapping(dataDir: string, headers: readonly string[], mapping: TableMapping): Promise<void> {
  const key = layoutKey(headers);
  const saved = await load(dataDir);
  const layouts = [{ key, mapping }, ...saved.layouts.filter((l) => l.key !== key)].slice(0, KEEP);
  await mkdir(path.join(dataDir, LOCAL_DIR), { recursive: true });
  await writeFileDurably(path.join(dataDir, ...MAPPINGS_FILE.split('/')), `${JSON.stringify({ layouts }, null, 2)}\n`);
}
