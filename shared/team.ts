import { z } from 'zod';

// A team works on one data folder kept in step by Syncthing on several machines. Each
// machine is a device of the folder: its id is made once, at random, on that machine and
// never synced (the folder's `local/`, which the app's `.stignore` keeps out of sync), so
// two laptops never write under one name; its name is what the history shows beside a change.

/** Eight characters of base32 (a–z, 2–7): 40 random bits, as short as a name in a file can be and still never meet its twin in a team. */
export const DeviceId = z.string().regex(/^[a-z2-7]{8}$/, 'a device id is eight characters a–z, 2–7');
export const DeviceName = z
  .string()
  .trim()
  .min(1, 'a device name cannot be empty')
  .max(64, 'a device name is at most 64 characters')
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'a device name cannot hold control or format characters');

export const DeviceInfo = z.strictObject({ id: DeviceId, name: DeviceName });
export type DeviceInfo = z.infer<typeof DeviceInfo>;

// What the local Syncthing says about the data folder (electron/services/syncthing). The app
// only reads Syncthing's REST API and asks it to add the folder; it never edits its config.

/** A Syncthing device id: eight groups of seven base32 characters (Syncthing's own form, upper case, dashes). */
export const SyncthingDeviceId = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]{7}(-[A-Z2-7]{7}){7}$/, 'a Syncthing device id is eight groups of seven characters A–Z, 2–7, joined by dashes (Syncthing → Actions → Show ID)'));

export const SyncState = z.enum(['not_found', 'not_running', 'refused', 'not_shared', 'up_to_date', 'syncing', 'paused', 'error']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncPeer = z.strictObject({
  id: z.string(),
  name: z.string(),
  connected: z.boolean(),
  /** When Syncthing last saw it (absent: never); an ISO date. */
  lastSeen: z.string().optional(),
  /** Untrusted device: it holds only ciphertext of the folder. */
  encrypted: z.boolean(),
  /** How far it has the folder, 0–100, when Syncthing says. */
  completion: z.number().min(0).max(100).optional(),
});
export type SyncPeer = z.infer<typeof SyncPeer>;

export const SyncStatus = z.strictObject({
  state: SyncState,
  /** Where the app looked or talked (a config.xml path or a GUI address), so the user can check it. */
  where: z.string().optional(),
  /** What went wrong, in words, for `not_running`, `refused` and `error`. */
  message: z.string().optional(),
  /** This machine's Syncthing device id (to give to the other devices). */
  thisDevice: z.string().optional(),
  /** The id of the Syncthing folder that is this data folder, or the one `team.shareFolder` would give it. */
  folderId: z.string().optional(),
  needBytes: z.int().min(0),
  needFiles: z.int().min(0),
  /** Conflict copies (`*.sync-conflict-*`) Syncthing left in the data folder, still unresolved. */
  conflicts: z.int().min(0),
  peers: z.array(SyncPeer),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Where to find the local Syncthing when the usual places are wrong; machine-local (`local/syncthing.json`). */
export const SyncthingOverride = z.strictObject({
  configPath: z.string().trim().min(1).max(4096).optional(),
  /** `host:port` or `http(s)://host:port`; a non-loopback address is used only because the user typed it here. */
  address: z.string().trim().min(1).max(300).optional(),
  apiKey: z.string().trim().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'an API key is printable ASCII without spaces').optional(),
});
export type SyncthingOverride = z.infer<typeof SyncthingOverride>;

export const ShareFolderInput = z.strictObject({
  devices: z
    .array(
      z.strictObject({
        id: SyncthingDeviceId,
        name: z.string().trim().max(64).optional(),
        /** Set for an untrusted device (an office box): it receives the folder encrypted with this password and never sees plaintext. */
        encryptionPassword: z.string().min(8, 'an encryption password is at least 8 characters').max(512).optional(),
      }),
    )
    .max(32)
    .default([]),
});
