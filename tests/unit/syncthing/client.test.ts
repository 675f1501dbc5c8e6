import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configCandidates, parseGuiConfig } from '../../../electron/services/syncthing/configXml';
import { callSyncthing, endpointFor, SyncthingAnswer, SyncthingRefused, SyncthingUnreachable } from '../../../electron/services/syncthing/restClient';
import { syncFolderId } from '../../../electron/services/syncthing/folderId';
import { tempDir } from '../../helpers/fixtures';
import { SYNCTHING } from '../../helpers/syncthing';

// The Syncthing client's own edges: where it looks, what it reads from config.xml, which
// addresses it talks to, and how it tells a silent, a refusing and a strange Syncthing apart.

describe('finding and reading the local Syncthing', () => {
  it('looks where Syncthing keeps its config on each system, the override variables first', () => {
    expect(configCandidates({ env: { XDG_STATE_HOME: '/s' }, platform: 'linux', home: '/home/a' })).toEqual(['/s/syncthing/config.xml', '/home/a/.config/syncthing/config.xml']);
    expect(configCandidates({ env: {}, platform: 'linux', home: '/home/a' })).toEqual(['/home/a/.local/state/syncthing/config.xml', '/home/a/.config/syncthing/config.xml']);
    expect(configCandidates({ env: {}, platform: 'darwin', home: '/Users/a' })).toEqual(['/Users/a/Library/Application Support/Syncthing/config.xml']);
    expect(configCandidates({ env: { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\a' })).toEqual(['C:\\Users\\a\\AppData\\Local\\Syncthing\\config.xml']);
    expect(configCandidates({ env: { STHOMEDIR: '/st' }, platform: 'linux', home: '/h' })[0]).toBe('/st/config.xml');
  });

  it('reads the GUI address, API key and TLS flag from a config.xml that Syncthing itself wrote', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const home = path.join(dir, 'st');
      const gen = spawnSync(SYNCTHING, ['generate', '--home', home, '--no-default-folder', '--gui-user=u', '--gui-password=p'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: dir } });
      expect(gen.status, `syncthing generate: ${gen.stderr}`).toBe(0);
      const xml = await readFile(path.join(home, 'config.xml'), 'utf8');
      const gui = parseGuiConfig(xml);
      const key = /<apikey>([^<]+)<\/apikey>/.exec(xml)![1];
      expect(gui).toEqual({ address: expect.stringMatching(/^127\.0\.0\.1:\d+$/), apiKey: key, tls: false });
      // A device's <address> elsewhere in the file is never taken for the GUI's.
      expect(parseGuiConfig(xml.replace(/<gui ([^>]*)tls="false"/, '<gui $1tls="true"'))?.tls).toBe(true);
      expect(parseGuiConfig('<configuration><device><address>dynamic</address></device></configuration>')).toBeNull();
      expect(parseGuiConfig('<configuration><gui><address>127.0.0.1:8384</address><apikey>a&amp;b</apikey></gui></configuration>')).toEqual({ address: '127.0.0.1:8384', apiKey: 'a&b', tls: false });
    } finally {
      await cleanup();
    }
  });

  it('talks to loopback only, unless the user typed the address', () => {
    expect(endpointFor('0.0.0.0:8384', 'k', false, false)).toMatchObject({ protocol: 'http:', host: '127.0.0.1', port: 8384 });
    expect(endpointFor('[::1]:9000', 'k', true, false)).toMatchObject({ protocol: 'https:', host: '::1', port: 9000 });
    expect(endpointFor('https://localhost:8384', 'k', false, false)).toMatchObject({ protocol: 'https:', host: 'localhost' });
    expect(() => endpointFor('192.168.1.20:8384', 'k', false, false)).toThrow(/not on this machine/);
    expect(endpointFor('192.168.1.20:8384', 'k', false, true)).toMatchObject({ host: '192.168.1.20' });
    expect(() => endpointFor('unix:///run/st.sock', 'k', false, false)).toThrow(/Unix socket/);
    expect(() => endpointFor('ftp://127.0.0.1:1', 'k', false, true)).toThrow(/not an http/);
  });

  it('derives one folder id per data folder, the same wherever the folder is copied', () => {
    const id = syncFolderId('2026-11-22T10:00:00.000Z');
    expect(id).toMatch(/^casefile-[a-z2-7]{10}$/);
    expect(syncFolderId('2026-11-22T10:00:00.000Z')).toBe(id);
    expect(syncFolderId('2026-11-22T10:00:00.001Z')).not.toBe(id);
  });
});

describe('calling the REST API', () => {
  let server: http.Server | null = null;
  afterEach(async () => {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = null;
  });

  async function serve(handler: http.RequestListener): Promise<number> {
    server = http.createServer(handler);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    return (server.address() as AddressInfo).port;
  }

  const Status = z.object({ myID: z.string() });

  it('sends the API key and parses the answer by its schema', async () => {
    let seenKey = '';
    const port = await serve((req, res) => {
      seenKey = String(req.headers['x-api-key']);
      res.end(JSON.stringify({ myID: 'ABC', extra: 1 }));
    });
    await expect(callSyncthing(endpointFor(`127.0.0.1:${port}`, 'key-1', false, false), 'system/status', Status)).resolves.toEqual({ myID: 'ABC' });
    expect(seenKey).toBe('key-1');
  });

  it('tells a refused key, an unexpected answer, a silent and an absent Syncthing apart', async () => {
    let mode = 'forbidden';
    const port = await serve((_req, res) => {
      if (mode === 'forbidden') res.writeHead(403).end('CSRF Error');
      else if (mode === 'shape') res.end(JSON.stringify({ myID: 7 }));
      else if (mode === 'html') res.end('<html>');
      // 'silent': never answers
    });
    const at = endpointFor(`127.0.0.1:${port}`, 'k', false, false);
    await expect(callSyncthing(at, 'system/status', Status)).rejects.toBeInstanceOf(SyncthingRefused);
    mode = 'shape';
    await expect(callSyncthing(at, 'system/status', Status)).rejects.toThrow(SyncthingAnswer);
    await expect(callSyncthing(at, 'system/status', Status)).rejects.toThrow(/myID/);
    mode = 'html';
    await expect(callSyncthing(at, 'system/status', Status)).rejects.toThrow(/not JSON/);
    mode = 'silent';
    await expect(callSyncthing(at, 'system/status', Status, { timeoutMs: 300 })).rejects.toThrow(/did not answer within 0.3 s/);
    await expect(callSyncthing(endpointFor('127.0.0.1:1', 'k', false, false), 'system/status', Status)).rejects.toBeInstanceOf(SyncthingUnreachable);
  });
});
