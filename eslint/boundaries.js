/**
 * Module boundaries, enforced by ESLint (docs/decisions/0007-module-shape.md):
 * - `platform-imports-no-module`: nothing in src/platform/ or src/ui/ imports from src/modules/
 *   (tests of the assembled app excepted); the app hands modules' parts to the platform.
 * - `no-foreign-data`: a module never imports another module's stores, tables or migrations
 *   (`*.store.ts`, `store/`, `*.tables.ts`, `migrations/`, `migrations.ts`); it calls the other
 *   module's service functions instead.
 * Paths are resolved from the importing file, so `../x/…` and `../../modules/x/…` are the same.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Repository-relative path with forward slashes. */
const rel = (abs) => relative(ROOT, abs).split(sep).join('/');

/** The module a repository path belongs to: its folder under src/modules/, or 'index' for src/modules/index.ts. */
function moduleOf(path) {
  if (!path.startsWith('src/modules/')) return null;
  const rest = path.slice('src/modules/'.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : 'index';
}

const isData = (path) =>
  /\.(store|tables)\.tsx?$/.test(path) || /\/store\//.test(path) || /\/migrations\//.test(path) || /\/migrations\.tsx?$/.test(path);
const isTest = (path) => /\.test\.tsx?$/.test(path);

function sources(context, check) {
  const file = rel(context.filename ?? context.getFilename());
  const visit = (node) => {
    const spec = node.source && node.source.type === 'Literal' ? node.source.value : null;
    if (typeof spec !== 'string' || !spec.startsWith('.')) return;
    check(file, rel(resolve(dirname(resolve(ROOT, file)), spec)), node);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const platformImportsNoModule = {
  meta: { type: 'problem', docs: { description: 'src/platform and src/ui never import a module' }, schema: [] },
  create(context) {
    return sources(context, (file, target, node) => {
      if (!(file.startsWith('src/platform/') || file.startsWith('src/ui/')) || isTest(file)) return;
      if (moduleOf(target) === null) return;
      context.report({
        node,
        message: `${file} imports ${target}: the platform and ui never import a module; let the app hand it over (src/app.ts, src/modules/index.ts).`,
      });
    });
  },
};

const noForeignData = {
  meta: { type: 'problem', docs: { description: "a module never imports another module's stores, tables or migrations" }, schema: [] },
  create(context) {
    return sources(context, (file, target, node) => {
      const from = moduleOf(file);
      const to = moduleOf(target);
      if (!from || !to || from === to || to === 'index' || from === 'index' || !isData(target)) return;
      context.report({
        node,
        message: `${file} imports ${target}: the data of module '${to}' is its own; call its service functions instead.`,
      });
    });
  },
};

export default {
  meta: { name: 'samenhang-boundaries' },
  rules: { 'platform-imports-no-module': platformImportsNoModule, 'no-foreign-data': noForeignData },
};
