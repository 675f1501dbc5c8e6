export const RETRY: string;
export type Mode = 'electron' | 'browser';
export type InstallResult = { code: number; output: string };
export function dataDirFor(args: string[], mode: Mode, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string;
export function isEncrypted(dataDir: string): boolean;
export function startBanner(dataDir: string, mode: Mode): string[];
export function failureReason(output: string): string;
export function runInstaller(options?: {
  env?: NodeJS.ProcessEnv;
  out?: { write(chunk: unknown): unknown };
  err?: { write(chunk: unknown): unknown };
  tty?: boolean;
}): Promise<InstallResult>;
export function ensureElectron(options?: {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  binary?: () => string | null;
  install?: () => Promise<InstallResult>;
}): Promise<string | null>;
export function chooseMode(options?: {
  args?: string[];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  binary?: () => string | null;
  install?: () => Promise<InstallResult>;
}): Promise<{ mode: Mode; electron: string | null }>;
