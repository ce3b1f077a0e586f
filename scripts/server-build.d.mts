/** The server build of `npm start` (see server-build.mjs). */
export function ensureServerBuild(options?: {
  /** The checkout (default: the one this file is in). */
  root?: string;
  /** The file to build, relative to root (default: src/main.ts). */
  entry?: string;
  /** Receives one line when a build runs. */
  log?: (line: string) => void;
}): Promise<{ main: string; built: boolean; ms: number }>;

/** The compiled entry of the current build when it is up to date with the sources, else null. */
export function currentServerBuild(options?: { root?: string; entry?: string }): string | null;

/** Exit code of `node scripts/server-build.mjs` when the build folder cannot be written. */
export const CANNOT_WRITE: number;
