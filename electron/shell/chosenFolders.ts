import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { Dispatch } from '../services/dispatch';

// The desktop app copies backups only where the user pointed the main process's own
// folder dialog: a page (a compromised renderer, a script in a brief) that names a
// path itself gets nothing written. Browser mode has no such dialog; there the typed
// path is checked by the service as before.

/** The refusal (the renderer recognises "only to a folder chosen" and says it in the user's language). */
export const NOT_CHOSEN_MESSAGE =
  'The desktop app copies backups only to a folder chosen with "Choose…" in this session. Choose the folder there, then copy. Nothing was copied.';

/** The refusal for an original saved anywhere but where the Save dialog pointed (custody names that path). */
export const NOT_CHOSEN_FILE_MESSAGE = 'The desktop app saves an original only where its Save dialog was pointed. Use "Save original…" again. Nothing was written.';

/** The refusal for a calendar folder the page names itself: the subscription file is rewritten there for as long as it is set. */
export const NOT_CHOSEN_CALENDAR_MESSAGE = 'The desktop app keeps the calendar file only in a folder chosen with "Choose…". Choose the folder there. Nothing was changed.';
/** The refusal for a bundle written anywhere but where the Save dialog pointed. */
export const NOT_CHOSEN_BUNDLE_MESSAGE = 'The desktop app writes a bundle only where its Save dialog was pointed. Export again and choose the place. Nothing was written.';

/** The folders the dialog returned in this session; forgotten when the app quits. */
export class ChosenFolders {
  private readonly folders = new Set<string>();
  /** Paths the Save dialog returned for an original, each good for one save. */
  private readonly files = new Set<string>();

  rememberFile(file: string): string {
    const resolved = path.resolve(file);
    this.files.add(resolved);
    return resolved;
  }

  /** Whether the user chose `file` in the Save dialog; the choice is used up by asking. */
  takeFile(file: string): boolean {
    return path.isAbsolute(file) && this.files.delete(path.resolve(file));
  }

  remember(dir: string): string {
    const resolved = path.resolve(dir);
    this.folders.add(resolved);
    return resolved;
  }

  has(dir: string): boolean {
    return path.isAbsolute(dir) && this.folders.has(path.resolve(dir));
  }
}

/** The contract with `backups.copyOut` limited to chosen folders; every other operation passes through. */
export function onlyChosenFolders(dispatch: Dispatch, chosen: ChosenFolders): Dispatch {
  return (op, input, context) => {
    // A bundle with originals is streamed by the main process to the path the Save dialog returned, and nowhere else.
    if (op === 'bundle.exportFile') {
      const to = (input as { path?: unknown } | null | undefined)?.path;
      if (typeof to !== 'string' || !chosen.takeFile(to)) return Promise.resolve({ ok: false, error: { code: 'bad_input', message: NOT_CHOSEN_BUNDLE_MESSAGE } });
    }
    // The command line's path-taking import: the window opens bundles through the shell's dialogs.
    if (op === 'bundle.importFile') {
      return Promise.resolve({ ok: false, error: { code: 'unsupported', message: `${op} is for the command line; the window saves and opens bundles with its own dialogs.` } });
    }
    if (op === 'backups.copyOut') {
      const dir = (input as { dir?: unknown } | null | undefined)?.dir;
      if (typeof dir !== 'string' || !chosen.has(dir)) return Promise.resolve({ ok: false, error: { code: 'bad_input', message: NOT_CHOSEN_MESSAGE } });
    }
    // Custody records where an original went: only a path the user picked, never one the page names.
    if (op === 'sources.exportOriginal') {
      const to = (input as { to?: unknown } | null | undefined)?.to;
      if (typeof to !== 'string' || !chosen.takeFile(to)) return Promise.resolve({ ok: false, error: { code: 'bad_input', message: NOT_CHOSEN_FILE_MESSAGE } });
    }
    // The subscription file is rewritten after every save: only into a folder the user picked.
    if (op === 'calendar.setSettings') {
      const folder = (input as { folder?: unknown } | null | undefined)?.folder;
      if (folder !== undefined && folder !== null && (typeof folder !== 'string' || !chosen.has(folder))) return Promise.resolve({ ok: false, error: { code: 'bad_input', message: NOT_CHOSEN_CALENDAR_MESSAGE } });
    }
    return dispatch(op, input, context);
  };
}

/** The folder dialog: what the user picks is remembered (and given to the page to show); a cancel is null. */
export async function chooseFolder(
  showOpenDialog: (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>,
  chosen: ChosenFolders,
  title: string,
): Promise<string | null> {
  const choice = await showOpenDialog({ title, properties: ['openDirectory', 'createDirectory'] });
  const picked = choice.canceled ? undefined : choice.filePaths[0];
  return picked ? chosen.remember(picked) : null;
}

/** The Save dialog for an original: the page suggests only a file name (any folder part dropped); the path picked is remembered. */
export async function chooseOriginalPath(
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>,
  chosen: ChosenFolders,
  title: string,
  documentsDir: string,
  name: string,
): Promise<string | null> {
  const base = path.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').slice(0, 200) || 'original';
  const choice = await showSaveDialog({ title, defaultPath: path.join(documentsDir, base) });
  return choice.canceled || !choice.filePath ? null : chosen.rememberFile(choice.filePath);
}

/** The Save dialog for a bundle with originals, with its file type; the path picked is remembered for one export. */
export async function chooseBundlePath(
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>,
  chosen: ChosenFolders,
  text: { title: string; files: string },
  documentsDir: string,
  name: string,
  kind: 'bundleZip' | 'sealedBundle',
): Promise<string | null> {
  const base = path.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').slice(0, 200) || 'casefile.casefile.zip';
  const filters = [{ name: text.files, extensions: [kind === 'sealedBundle' ? 'age' : 'zip'] }];
  const choice = await showSaveDialog({ title: text.title, defaultPath: path.join(documentsDir, base), filters });
  return choice.canceled || !choice.filePath ? null : chosen.rememberFile(choice.filePath);
}
