import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    public readonly lockFile: string,
    public readonly pid: number | null,
  ) {
    super(
      `The data directory is in use by another Samenhang process${pid ? ` (pid ${pid})` : ''}. ` +
        `Embedded mode runs one process per data directory. Stop the other process, or remove ` +
        `${lockFile} if you are sure no other process runs.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take an exclusive lock on a PGlite data directory (O_EXCL pid file). PGlite has no lock of its
 * own and two processes on one directory lose committed rows. A lock left by a dead process is
 * taken over. Returns a release function.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'samenhang.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      if (Number.isFinite(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(file, pid);
      }
      if (pid === process.pid) throw new DataDirLockedError(file, pid);
      unlinkSync(file); // stale lock of a dead process
    }
  }
  throw new DataDirLockedError(file, null);
}
