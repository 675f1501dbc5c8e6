// The operation names alone, free of zod, so the sandboxed preload can derive its
// bridge from them without bundling a validator. contract.ts must match this list
// exactly (the compiler checks it).
export const OPERATION_NAMES = [
  'app.info',
  'cases.list',
  'cases.get',
  'cases.create',
  'cases.update',
  'cases.trash',
  'cases.restore',
  'trash.list',
  'bundle.import',
  'bundle.export',
  'store.verify',
  'sources.extract',
  'annotations.list',
  'briefs.render',
  'search.query',
  'agenda.list',
  'app.sampleBundle',
  'cases.history',
  'vault.status',
  'vault.unlock',
  'vault.lock',
  'vault.encrypt',
  'vault.decrypt',
  'vault.changePassphrase',
  'vault.setIdleLock',
  'backups.list',
  'backups.create',
  'backups.restore',
  'backups.recover',
  'backups.copyOut',
  'settings.get',
  'settings.set',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];
