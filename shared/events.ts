import { z } from 'zod';

// What the core tells its clients without being asked (VS Code's `IChannel.listen`
// beside `call`): one zod table, so both doors (IPC sends in Electron, server-sent
// events in browser mode) and the page check the same shapes. Progress is not here:
// it belongs to one call and travels with it (PROGRESS_HEADER, the IPC progress channel).

/** Why a case changed: the store's own words for a saved change. */
export const CaseChangeCause = z.enum(['create', 'update', 'import', 'restore', 'recover', 'external', 'trash', 'quarantine']);

export const EVENTS = {
  /** A case was written, imported, restored, moved to the trash or quarantined; `rev` is absent when it left the list. */
  'cases.changed': z.strictObject({ id: z.string().min(1), rev: z.int().min(1).optional(), cause: CaseChangeCause }),
  /** The folder was locked (by the user or the idle lock): every decrypted case a page holds must go. */
  'folder.locked': z.strictObject({}),
  /** The set of unresolved Syncthing conflict copies changed (a scan found one, or one was settled); `count`: how many are left. */
  'conflicts.changed': z.strictObject({ count: z.int().min(0) }),
  /** Another device appended to a case's history (it arrived through Syncthing): an open history view reloads. */
  'history.changed': z.strictObject({ id: z.string().min(1) }),
  /** The folder's settings or address book were changed on another device: the window reads them again. */
  'settings.changed': z.strictObject({ file: z.enum(['settings', 'addressees']) }),
  /** vault.json was changed on another device (a new passphrase): the folder is locked and asks for the new one; nothing unsaved is dropped. */
  'folder.passphraseChanged': z.strictObject({}),
  /**
   * A long open under way: 'reading' every case file new to the indexes (a copied archive's first open), then
   * 'indexing' them for search; the last of each phase has `done` equal to `total`.
   */
  'folder.progress': z.strictObject({ phase: z.enum(['reading', 'indexing']), done: z.int().min(0), total: z.int().min(0) }),
} as const;

export type EventName = keyof typeof EVENTS;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export const CoreEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('cases.changed'), data: EVENTS['cases.changed'] }),
  z.strictObject({ type: z.literal('folder.locked'), data: EVENTS['folder.locked'] }),
  z.strictObject({ type: z.literal('conflicts.changed'), data: EVENTS['conflicts.changed'] }),
  z.strictObject({ type: z.literal('history.changed'), data: EVENTS['history.changed'] }),
  z.strictObject({ type: z.literal('settings.changed'), data: EVENTS['settings.changed'] }),
  z.strictObject({ type: z.literal('folder.passphraseChanged'), data: EVENTS['folder.passphraseChanged'] }),
  z.strictObject({ type: z.literal('folder.progress'), data: EVENTS['folder.progress'] }),
]);
export type CoreEvent = z.infer<typeof CoreEvent>;
export type FolderProgress = z.infer<(typeof EVENTS)['folder.progress']>;

/** Browser mode's event stream (`text/event-stream`, behind the same token header as the operations). */
export const EVENTS_PATH = '/api/events';
/** Electron's channel for the same events, sent by the shell to the window. */
export const EVENTS_CHANNEL = 'casefile:event';
/** Electron's channel on which the page asks to cancel the call with this number. */
export const CANCEL_CHANNEL = 'casefile:cancel';
