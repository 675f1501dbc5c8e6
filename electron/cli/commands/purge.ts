import { defineCommand, exactlyOne, reportError } from '../command';
import { EXIT } from '../io';

// Deletes a case in the Trash for good (trash.purge). It cannot be undone, so it asks:
// --yes, or the case's id typed at the prompt; without either (a script, no terminal)
// nothing is deleted.

const REMAINING =
  'Copies may remain outside this folder: snapshots copied to other drives, other devices of a Syncthing team (the deletion reaches them when they next sync; one kept offline keeps the case until then), and, on SSDs and copy-on-write or journaling file systems, old disk blocks — encryption at rest is what protects those.';

export default defineCommand({
  name: 'purge',
  usage: 'purge ID [--snapshots] [--yes]',
  summary: 'delete a case in the Trash permanently: its file, history and the originals no other case uses',
  details: 'Each file is overwritten before it is removed where the file system allows. With --snapshots, the case is also taken out of every snapshot in backups/.\nA case still in the list is refused: move it to the Trash first.',
  options: {
    snapshots: { type: 'boolean', feeds: 'trash.purge.snapshots', about: 'also remove the case from every snapshot of the folder' },
    yes: { type: 'boolean', about: 'do not ask: this cannot be undone' },
  },
  plan(args, values, io) {
    const id = exactlyOne('purge', args, 'case id');
    return async (dispatch) => {
      if (!values.yes) {
        const typed = io.prompt ? await io.prompt(`Case ${id} will be deleted permanently; this cannot be undone. Type its id to confirm: `) : null;
        if (typed?.trim() !== id) {
          io.stderr(`casefile: nothing was deleted. To delete case ${id} permanently, type its id when asked, or add --yes.`);
          return EXIT.badInput;
        }
      }
      const result = await dispatch('trash.purge', { id, ...(values.snapshots ? { snapshots: true } : {}) }, { onProgress: ({ done, total }) => io.stderr(`Snapshots checked: ${done} of ${total}`) });
      if (!result.ok) return reportError(io, result.error);
      const r = result.value;
      if (r.files > 0 || !r.snapshots) {
        io.stdout(`Deleted case ${r.id} permanently: ${r.files} file(s) removed, ${r.overwritten} of them overwritten first; ${r.originalsRemoved} original(s) removed, ${r.originalsShared} kept because another case uses them.`);
      }
      if (r.snapshots) {
        io.stdout(`Removed it from ${r.snapshots.rewritten} snapshot(s); ${r.snapshots.checked} of ${r.snapshots.total} checked.`);
        if (r.snapshots.cancelled) io.stdout(`Stopped before the end: ${r.snapshotsUntouched} snapshot(s) may still hold it. Run "casefile purge ${r.id} --snapshots" again to finish.`);
      } else if (r.snapshotsUntouched > 0) {
        io.stdout(`${r.snapshotsUntouched} snapshot(s) of this folder may still hold it: run "casefile purge ${r.id} --snapshots" to remove it from them.`);
      }
      io.stdout(REMAINING);
      return EXIT.ok;
    };
  },
});
