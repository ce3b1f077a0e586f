import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../app.ts'; // loads every module, and with it every message catalogue
import { allMessages, translator } from './index.ts';

describe('i18n catalogue', () => {
  it('has every key in Dutch and English, none empty', () => {
    const nl = allMessages('nl');
    const en = allMessages('en');
    const missingEn = Object.keys(nl).filter((k) => !(k in en));
    const missingNl = Object.keys(en).filter((k) => !(k in nl));
    assert.deepEqual(missingEn, [], 'keys without English text');
    assert.deepEqual(missingNl, [], 'keys without Dutch text');
    for (const [k, v] of [...Object.entries(nl), ...Object.entries(en)]) assert.ok(v.trim().length > 0, `empty text for ${k}`);
    assert.ok(Object.keys(nl).length > 50);
  });

  it('uses the same placeholders in both languages', () => {
    const nl = allMessages('nl');
    const en = allMessages('en');
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl)) assert.deepEqual(names(en[key] ?? ''), names(nl[key]!), `placeholders differ for ${key}`);
  });

  it('fills placeholders and falls back to Dutch, then to the key', () => {
    const t = translator('en');
    assert.equal(t('layout.signIn'), 'Sign in');
    // @ts-expect-error an unknown key is a compile error; at run time it falls back to the key
    assert.equal(t('does.not.exist'), 'does.not.exist');
  });
});
