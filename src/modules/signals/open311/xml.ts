/**
 * A small XML writer for Open311 answers. Open311's XML is schemaless and without namespaces; its
 * JSON is the Spark mapping of that XML: a JSON array is an XML wrapper element holding one child
 * element per item (`services` → `<services><service>…`). `toXml` applies that mapping in reverse,
 * with the item element name of each array given by the caller.
 */

/** Element names we write: ASCII letters, digits, `_`, `-` and `.`, not starting with a digit. */
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Characters XML 1.0 does not allow anywhere (C0 controls except tab/newline/return, lone
 * surrogates, U+FFFE/U+FFFF). They are dropped: an XML document with them would not parse.
 */
const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** For each array-valued key (and for the root when it is an array): the name of its item elements. */
export type ItemNames = Readonly<Record<string, string>>;

function element(name: string, value: unknown, items: ItemNames, out: string[], depth: number): void {
  if (!NAME.test(name)) throw new Error(`Invalid XML element name: ${name}`);
  const pad = '  '.repeat(depth);
  if (value === null || value === undefined) {
    out.push(`${pad}<${name}/>`);
    return;
  }
  if (Array.isArray(value)) {
    const item = items[name];
    if (!item) throw new Error(`No item element name for array ${name}`);
    if (value.length === 0) {
      out.push(`${pad}<${name}/>`);
      return;
    }
    out.push(`${pad}<${name}>`);
    for (const v of value) element(item, v, items, out, depth + 1);
    out.push(`${pad}</${name}>`);
    return;
  }
  if (value instanceof Date) throw new Error(`Format dates before writing XML (${name})`);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    out.push(`${pad}<${name}>`);
    for (const [k, v] of entries) element(k, v, items, out, depth + 1);
    out.push(`${pad}</${name}>`);
    return;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push(`${pad}<${name}>${escapeXml(String(value))}</${name}>`);
    return;
  }
  throw new Error(`Cannot write ${typeof value} as XML (${name})`);
}

/** A complete UTF-8 XML document with `root` as its root element holding `value`. */
export function toXml(root: string, value: unknown, items: ItemNames = {}): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  element(root, value, items, out, 0);
  return out.join('\n') + '\n';
}
