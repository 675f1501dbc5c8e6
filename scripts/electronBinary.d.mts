/** The Electron executable, or null where it is not installed. */
export function electronBinary(env?: NodeJS.ProcessEnv): string | null;
