import { readFileSync } from 'node:fs';
import path from 'node:path';

// This machine's history file of a case (`history/<id>.<deviceId>.jsonl`, audit/historyFiles),
// for tests that read or damage it on disk. The device is the one the store made in
// `local/device.json` at its first save, so call these after one.

export function deviceIdOf(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'local', 'device.json'), 'utf8')) as { id: string }).id;
}

/** `history/<id>.<this device>.jsonl`, relative to the data folder, as verify and the tamper findings name it. */
export function ownHistoryRel(dir: string, id: string): string {
  return `history/${id}.${deviceIdOf(dir)}.jsonl`;
}

export function ownHistoryFile(dir: string, id: string): string {
  return path.join(dir, ...ownHistoryRel(dir, id).split('/'));
}
