import type { BuildOptions, Metafile } from 'esbuild';

/** esbuild options of the test build (see test-build.mjs). */
export function testBuildOptions(entryPoints: string[], outdir: string): BuildOptions & { metafile: true };

/** Per entry: why the test file needs a database, or null when it cannot reach one (see test-build.mjs). */
export function databaseReasons(metafile: Metafile, entries: string[], read?: (path: string) => string): Map<string, string | null>;
