import { contextBridge, ipcRenderer } from 'electron';
import type { Api } from '../shared/contract';
import { OPERATION_NAMES } from '../shared/operations';

// One frozen object, one method per contract operation: the page can call the
// operations the contract names and nothing else (no raw ipcRenderer, no send(channel)).
const api = Object.freeze(
  Object.fromEntries(OPERATION_NAMES.map((op) => [op, (input: unknown) => ipcRenderer.invoke(op, input)])),
) as Api;

contextBridge.exposeInMainWorld('casefile', api);
