// The architecture's import rules (DESIGN.md §2) are an ESLint rule that `npm test` runs over the
// tree; here each rule is shown to catch a violation, written as a file at a real path would be.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import kiemchung from '../../scripts/eslint/boundaries.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parser: tseslint.parser },
      plugins: { kiemchung },
      rules: { 'kiemchung/boundaries': 'error' },
    },
  ],
});

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.message);
}

describe('import boundaries (lint rule)', () => {
  const refused: [string, string, RegExp][] = [
    ['renderer/src/pages/X.tsx', "import { openDb } from '../../../main/db/connection';", /giao diện chỉ dùng shared/],
    ['renderer/src/pages/X.tsx', "import fs from 'node:fs';", /giao diện/],
    ['shared/api/x.ts', "import { vi } from '../../main/services/audit';", /shared\/ là hợp đồng chung/],
    ['shared/x.ts', "import { readFile } from 'node:fs/promises';", /shared\//],
    ['preload/x.ts', "import { createApi } from '../main/api';", /preload chỉ dùng shared/],
    ['main/domain/x.ts', "import { appendAudit } from '../services/audit';", /domain\/ là quy tắc thuần/],
    ['main/domain/x.ts', "import { readFileSync } from 'node:fs';", /domain\//],
    ['main/db/x.ts', "import { appendAudit } from '../services/audit';", /db\/ không dùng services/],
    ['main/db/x.ts', "export { createApi } from '../api';", /db\//],
    ['main/services/x.ts', "import { createApi } from '../api';", /services\/ không gọi ngược/],
    ['main/api/x.ts', "import { startHost } from '../host/server';", /api\/ không dùng app/],
    ['main/cli/x.ts', "import { verifyView } from '../api/handlers/package';", /CLI đi qua router/],
    ['main/cli/x.ts', "const m = await import('../api/handlers/package');", /CLI đi qua router/],
    ['main/services/x.ts', "import { app } from 'electron';", /chỉ main\/app và preload dùng Electron/],
    ['main/host/x.ts', "import { App } from '../../renderer/src/App';", /main\/ không dùng renderer/],
  ];

  it.each(refused)('%s: %s is refused', async (file, code, why) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(why);
  });

  const allowed: [string, string][] = [
    ['renderer/src/pages/X.tsx', "import { vi } from '../../../shared/i18n/vi';"],
    ['main/domain/x.ts', "import { createHash } from 'node:crypto';"],
    ['main/api/x.ts', "import { appendAudit } from '../services/audit';"],
    ['main/cli/x.ts', "import { createApi } from '../api';"],
    ['main/app/x.ts', "import { app } from 'electron';"],
    ['preload/index.ts', "import { contextBridge } from 'electron';"],
  ];

  it.each(allowed)('%s: %s is allowed', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
