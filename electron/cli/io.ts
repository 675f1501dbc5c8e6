// What a command needs from its terminal, apart from run.ts so commands in their own files can take it without a circle.

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Asks for a passphrase without echo; null when there is no terminal. Absent: never ask (tests, scripts). */
  prompt?: (question: string) => Promise<string | null>;
};

/** Exit codes are part of the interface: scripts branch on them. */
export const EXIT = { ok: 0, failure: 1, badInput: 2, conflict: 3, locked: 4, encrypted: 5 } as const;
