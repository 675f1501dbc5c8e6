// What a command needs from its terminal, apart from run.ts so commands in their own files can take it without a circle.

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Asks for a passphrase without echo; null when there is no terminal. Absent: never ask (tests, scripts). */
  prompt?: (question: string) => Promise<string | null>;
};
