import { configCandidates, findGuiConfig } from './configXml';
import { endpointFor, type Endpoint } from './restClient';
import type { SyncthingOverride } from '../../../shared/team';

// Which Syncthing to talk to: what the user typed in Settings → Team first, then the
// config.xml in the places Syncthing keeps it.

export type Located = { endpoint: Endpoint; where: string } | { endpoint: null; where?: string; message: string };

export async function locateSyncthing(override: SyncthingOverride, candidates: string[] = configCandidates()): Promise<Located> {
  try {
    if (override.address && override.apiKey) {
      return { endpoint: endpointFor(override.address, override.apiKey, false, true), where: override.address };
    }
    const found = await findGuiConfig(override.configPath ? [override.configPath] : candidates);
    if (!found) {
      return {
        endpoint: null,
        ...(override.configPath ? { where: override.configPath } : {}),
        message: override.configPath ? `No Syncthing config.xml with a GUI address and API key at ${override.configPath}.` : 'No Syncthing configuration was found on this machine.',
      };
    }
    const typed = override.address !== undefined;
    const address = override.address ?? found.address;
    return { endpoint: endpointFor(address, override.apiKey ?? found.apiKey, found.tls, typed), where: found.configPath };
  } catch (err) {
    return { endpoint: null, message: (err as Error).message };
  }
}
