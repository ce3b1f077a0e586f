/**
 * Message keys are checked by the compiler (src/platform/i18n/index.ts, docs/modules.md): a
 * catalogue whose English misses or adds a key does not compile, and neither does `t()` with an
 * unknown key. Proven on probes compiled with the TypeScript API against the real i18n module.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const I18N = resolve('src/platform/i18n/index.ts');

/** Compile a probe catalogue and a probe use of it; the errors as `file: message`. */
function compile(catalogue: string, use: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'message-keys-'));
  try {
    const header = `import { defineMessages, translator, type CatalogueKeys } from '${I18N}';\n`;
    writeFileSync(
      join(dir, 'probe.messages.ts'),
      `${header}const messages = defineMessages(${catalogue});\n` +
        `declare module '${I18N}' {\n  interface MessageKeys extends CatalogueKeys<typeof messages> {}\n}\n`,
    );
    writeFileSync(join(dir, 'use.ts'), `${header}import './probe.messages.ts';\nconst t = translator('en');\n${use}\n`);
    const program = ts.createProgram([join(dir, 'use.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      types: [],
      lib: ['lib.es2023.d.ts'],
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file ? d.file.fileName.slice(dir.length + 1) : '-'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const GOOD = `{ nl: { 'probe.hello': 'Hallo {name}', 'probe.state.open': 'Open' }, en: { 'probe.hello': 'Hello {name}', 'probe.state.open': 'Open' } }`;

describe('message keys are checked by the compiler (lint)', () => {
  it('compiles a complete catalogue and its keys, also a key built from a literal union', () => {
    assert.deepEqual(compile(GOOD, "t('probe.hello', { name: 'Ans' });\nconst s = 'open' as 'open';\nt(`probe.state.${s}`);"), []);
  });

  it('refuses an English catalogue that misses a key', () => {
    const found = compile(`{ nl: { 'probe.hello': 'Hallo', 'probe.bye': 'Dag' }, en: { 'probe.hello': 'Hello' } }`, "t('probe.hello');");
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /^probe\.messages\.ts: Property ''probe\.bye'' is missing/);
  });

  it('refuses an English catalogue with a key that Dutch does not have', () => {
    const found = compile(
      `{ nl: { 'probe.hello': 'Hallo' }, en: { 'probe.hello': 'Hello', 'probe.extra': 'Extra' } }`,
      "t('probe.hello');",
    );
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /^probe\.messages\.ts: Object literal may only specify known properties, and ''probe\.extra''/);
  });

  it('refuses t() with an unknown key, also one built from a union with an unknown member', () => {
    const found = compile(GOOD, "t('no.such.key');\nconst s = 'open' as 'open' | 'shut';\nt(`probe.state.${s}`);");
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0]!, /^use\.ts: Argument of type '"no\.such\.key"' is not assignable to parameter of type 'MessageKey'/);
    assert.match(found[1]!, /^use\.ts: .*"probe\.state\.shut".* is not assignable to parameter of type 'MessageKey'/);
  });
});
