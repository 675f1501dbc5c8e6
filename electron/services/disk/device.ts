import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { DeviceInfo, DeviceName } from '../../../shared/team';
import { writeFileDurably } from './durableFile';
import { DEVICE_FILE, LOCAL_DIR } from './folderLayout';

// This machine's identity in a data folder shared by a team (shared/team). Kept in the
// folder's machine-local corner, plain: it names a laptop, nothing about a case. A folder
// copied by hand to a second machine carries its id along; "Settings → Team → New device
// id" (or deleting local/device.json) gives the copy its own.

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function newDeviceId(): string {
  return [...randomBytes(8)].map((b) => BASE32[b & 31]).join('');
}

function defaultName(): string {
  const parsed = DeviceName.safeParse(hostname());
  return parsed.success ? parsed.data : 'Casefile';
}

const pending = new Map<string, Promise<DeviceInfo>>();

async function readOrMake(dataDir: string): Promise<DeviceInfo> {
  const file = path.join(dataDir, ...DEVICE_FILE.split('/'));
  try {
    const parsed = DeviceInfo.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof SyntaxError)) throw err;
  }
  // Missing or unreadable: a damaged device file names nothing anyone relies on, so a new identity replaces it.
  const device: DeviceInfo = { id: newDeviceId(), name: defaultName() };
  await writeDevice(dataDir, device);
  return device;
}

async function writeDevice(dataDir: string, device: DeviceInfo): Promise<void> {
  await mkdir(path.join(dataDir, LOCAL_DIR), { recursive: true });
  await writeFileDurably(path.join(dataDir, ...DEVICE_FILE.split('/')), `${JSON.stringify(device, null, 2)}\n`);
}

/** This machine's device in `dataDir`, made on first use. */
export function readDevice(dataDir: string): Promise<DeviceInfo> {
  const key = path.resolve(dataDir);
  let found = pending.get(key);
  if (!found) {
    found = readOrMake(dataDir).finally(() => pending.delete(key));
    pending.set(key, found);
  }
  return found;
}

/** Renames this machine (what the history shows beside its changes); its id stays. */
export async function setDeviceName(dataDir: string, name: string): Promise<DeviceInfo> {
  const device = { ...(await readDevice(dataDir)), name: DeviceName.parse(name) };
  await writeDevice(dataDir, device);
  return device;
}
