/**
 * A strict, tiny XML reader for tests (no XML parser is installed): checks well-formedness of the
 * subset Open311 uses (declaration, elements, text, the five predefined entities and character
 * references; no DTD, attributes allowed but unused) and returns the element tree.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`'<' in text at ${where}`);
  if (BAD_CHAR.test(raw)) throw new Error(`character not allowed in XML at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (m, ent: string | undefined) => {
    if (ent === undefined) throw new Error(`bare '&' at ${where}`);
    if (ent in ENTITIES) return ENTITIES[ent]!;
    const num = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(ent);
    if (num) return String.fromCodePoint(num[1]!.startsWith('x') ? Number.parseInt(num[1]!.slice(1), 16) : Number.parseInt(num[1]!, 10));
    throw new Error(`unknown entity ${m} at ${where}`);
  });
}

/** Parse a document; throws on anything that is not well-formed. */
export function parseXml(doc: string): XmlElement {
  let i = 0;
  const decl = /^<\?xml\s+version="1\.0"(\s+encoding="(utf-8|UTF-8)")?\s*\?>/.exec(doc);
  if (!decl) throw new Error('missing or bad XML declaration');
  i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const textEnd = lt === -1 ? doc.length : lt;
    const text = doc.slice(i, textEnd);
    if (text.length > 0) {
      const decoded = decode(text, i);
      if (stack.length === 0) {
        if (decoded.trim() !== '') throw new Error(`text outside the root element at ${i}`);
      } else stack[stack.length - 1]!.text += decoded;
    }
    if (lt === -1) break;
    if (doc.startsWith('<!--', lt)) {
      const end = doc.indexOf('-->', lt + 4);
      if (end === -1) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (doc.startsWith('<!', lt) || doc.startsWith('<?', lt)) throw new Error(`unsupported markup at ${lt}`);
    const gt = doc.indexOf('>', lt);
    if (gt === -1) throw new Error(`unterminated tag at ${lt}`);
    const tag = doc.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`closing </${name}> does not match <${open?.name ?? '(none)'}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s/>]+)((?:\s+[^\s=]+\s*=\s*"[^"<]*")*)\s*$/.exec(body);
    if (!m || !NAME.test(m[1]!)) throw new Error(`bad tag <${tag}> at ${lt}`);
    const attributes: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)) {
      if (a[1]! in attributes) throw new Error(`duplicate attribute ${a[1]}`);
      attributes[a[1]!] = decode(a[2]!, lt);
    }
    const el: XmlElement = { name: m[1]!, attributes, children: [], text: '' };
    if (stack.length === 0) {
      if (root) throw new Error(`second root element <${el.name}> at ${lt}`);
      root = el;
    } else stack[stack.length - 1]!.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The element's children by name (first of each), with their text: for flat records. */
export function record(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of el.children) out[c.name] ??= c.text;
  return out;
}

/** Child elements with a given name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
