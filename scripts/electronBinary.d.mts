/** The Electron executable, or null where it is not installed. */
export function electronBinary(): string | null;
