import type { ESLint } from 'eslint';

/** The module-boundary rules (boundaries.js): `platform-imports-no-module`, `no-foreign-data`. */
declare const plugin: ESLint.Plugin;
export default plugin;
