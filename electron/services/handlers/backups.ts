import type { DomainHandlers } from './compose';
import type { Folder, OpenFolder } from './folder';

async function recover({ store }: OpenFolder, file: string) {
  const { case: c, snapshot } = await store.recoverQuarantined(file);
  return { id: c.id, title: c.title, rev: c.rev, snapshot };
}

/** The backups of an open folder; a folder held with a damaged meta.json still lists them and can recover. (A restore closes the folder: see vault.ts.) */
export function backupsHandlers(folder: Folder): DomainHandlers<'backups.list' | 'backups.create' | 'backups.copyOut' | 'backups.recover'> {
  return {
    'backups.list': () => folder.damaged()?.listBackups() ?? folder.open().store.listBackups(),
    'backups.create': (_input, context) => folder.open().store.backup('manual', context.onProgress, context.signal),
    'backups.copyOut': ({ dir }, context) => folder.open().store.copyBackupsOut(dir, context.onProgress),
    'backups.recover': ({ file }) => {
      const damaged = folder.damaged();
      return damaged ? damaged.repairThen(() => recover(folder.open(), file)) : recover(folder.open(), file);
    },
  };
}
