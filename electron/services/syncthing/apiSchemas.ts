import { z } from 'zod';

// The parts of Syncthing's REST answers (1.19 and later) the app reads; anything else in them is ignored.

export const SystemStatus = z.object({ myID: z.string().min(1) });

const FolderDevice = z.object({ deviceID: z.string(), introducedBy: z.string().optional(), encryptionPassword: z.string().optional() });
export const FolderConfig = z.object({
  id: z.string(),
  label: z.string().optional(),
  path: z.string(),
  type: z.string().optional(),
  paused: z.boolean().optional(),
  devices: z.array(FolderDevice),
});
export type FolderConfig = z.infer<typeof FolderConfig>;

const DeviceConfig = z.object({ deviceID: z.string(), name: z.string().optional(), untrusted: z.boolean().optional(), paused: z.boolean().optional() });

export const Config = z.object({ folders: z.array(FolderConfig), devices: z.array(DeviceConfig) });
export type ConfigT = z.infer<typeof Config>;

export const DbStatus = z.object({
  state: z.string(),
  needBytes: z.number().min(0),
  needFiles: z.number().min(0),
  needDeletes: z.number().min(0).optional(),
  errors: z.number().optional(),
  pullErrors: z.number().optional(),
  error: z.string().optional(),
  invalid: z.string().optional(),
});

export const Completion = z.object({ completion: z.number(), needBytes: z.number(), needItems: z.number().optional() });

export const Connections = z.object({ connections: z.record(z.string(), z.object({ connected: z.boolean(), paused: z.boolean().optional() })) });

export const DeviceStats = z.record(z.string(), z.object({ lastSeen: z.string().optional() }));

/** POST/PUT/PATCH answer nothing useful; any JSON (or none) will do. */
export const Anything = z.unknown();
