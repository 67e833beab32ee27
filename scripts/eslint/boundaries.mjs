// The architecture's import rules (DESIGN.md §2) as one ESLint rule: each import specifier is
// resolved against the importing file, so `../../services/x` and `main/services/x` are judged
// alike (no-restricted-imports only sees the text as written).
import path from 'node:path';
import { builtinModules } from 'node:module';

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const IO = /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|worker_threads|dgram|tls|cluster)$|^better-sqlite3$|^electron$|^pg$/;

/**
 * Each zone: files under `from` may not import what `forbid` matches. `forbid` receives the
 * repo-relative path (for relative specifiers) or the package name.
 */
export const ZONES = [
  {
    from: 'renderer/',
    forbid: (t) => /^(main|preload)(\/|$)/.test(t) || NODE.has(t) || t === 'electron' || t === 'better-sqlite3',
    why: 'giao diện chỉ dùng shared/ (không main/, preload/, Node hay Electron)',
  },
  {
    from: 'shared/',
    forbid: (t) => /^(main|renderer|preload)(\/|$)/.test(t) || NODE.has(t) || IO.test(t),
    why: 'shared/ là hợp đồng chung: không phụ thuộc main/, renderer/, preload/ hay I/O',
  },
  {
    from: 'preload/',
    forbid: (t) => /^(main|renderer)(\/|$)/.test(t) || (NODE.has(t) && t !== 'node:buffer'),
    why: 'preload chỉ dùng shared/ và electron',
  },
  {
    from: 'main/domain/',
    forbid: (t) => (/^main\//.test(t) && !/^main\/domain(\/|$)/.test(t)) || IO.test(t) || /^renderer(\/|$)/.test(t),
    why: 'domain/ là quy tắc thuần: chỉ dùng shared/, không I/O',
  },
  {
    from: 'main/db/',
    forbid: (t) => /^main\/(services|api|app|host|cli|receiver)(\/|$)/.test(t),
    why: 'db/ không dùng services/, api/ hay các lớp trên',
  },
  {
    from: 'main/services/',
    forbid: (t) => /^main\/(api|app|host|cli|receiver)(\/|$)/.test(t),
    why: 'services/ không gọi ngược lên api/, app/, host/, cli/',
  },
  {
    from: 'main/api/',
    forbid: (t) => /^main\/(app|host|cli|receiver)(\/|$)/.test(t),
    why: 'api/ không dùng app/, host/, cli/',
  },
  {
    from: 'main/cli/',
    forbid: (t) => /^main\/api\/handlers(\/|$)/.test(t),
    why: 'CLI đi qua router hoặc services, không qua handler',
  },
  {
    from: 'main/receiver/',
    forbid: (t) => /^main\/(api|app|host)(\/|$)/.test(t),
    why: 'receiver là một mặt riêng: dùng services/, không dùng api/, app/, host/',
  },
  {
    from: 'main/',
    forbid: (t) => /^(renderer|preload)(\/|$)/.test(t),
    why: 'main/ không dùng renderer/ hay preload/',
  },
  {
    from: 'main/',
    except: 'main/app/',
    forbid: (t) => t === 'electron',
    why: 'chỉ main/app và preload dùng Electron',
  },
];

function target(spec, file, root) {
  if (!spec.startsWith('.')) return spec;
  return path
    .relative(root, path.resolve(path.dirname(file), spec))
    .split(path.sep)
    .join('/');
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import boundaries between main/, shared/, preload/, renderer/ and the layers inside main/' },
    schema: [],
    messages: { boundary: '{{file}} không được import "{{spec}}": {{why}}.' },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const zones = ZONES.filter((z) => file.startsWith(z.from) && !(z.except && file.startsWith(z.except)));
    if (zones.length === 0) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const t = target(spec, context.filename, root);
      for (const z of zones) {
        if (z.forbid(t)) {
          context.report({ node, messageId: 'boundary', data: { file, spec, why: z.why } });
          return;
        }
      }
    };
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
    };
  },
};

export default { meta: { name: 'kiemchung' }, rules: { boundaries: rule } };
