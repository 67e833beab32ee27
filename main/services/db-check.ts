// `kiemchung db check`: SQLite's own integrity check plus the audit chain, read-only.
import Database from 'better-sqlite3';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { wrap, DB_FILE } from '../db/connection';
import { verifyAuditChain } from './audit';
import { vi } from '../../shared/i18n/vi';
import type { ChainReport } from '../../shared/api/schemas';

export interface DbCheckReport {
  ok: boolean;
  integrity: { ok: boolean; message: string };
  chain: ChainReport;
}

export function checkDatabase(dataDir: string): DbCheckReport {
  const file = path.join(dataDir, DB_FILE);
  if (!existsSync(file)) throw new Error(vi.db.cannotOpen(dataDir, 'chưa có tệp dữ liệu'));
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    const integrity = problems.length ? { ok: false, message: vi.db.integrityBad(problems.slice(0, 5).join('; ')) } : { ok: true, message: vi.db.integrityOk };
    const chain = verifyAuditChain(wrap(sqlite, file));
    return { ok: integrity.ok && chain.ok, integrity, chain };
  } finally {
    sqlite.close();
  }
}
