// `kiemchung db check`: SQLite's own integrity check, the audit chain, the chain against its
// anchors outside the database (audit-anchor.txt), and the audited tables against the log.
// Read-only.
import Database from 'better-sqlite3';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { wrap, DB_FILE } from '../db/connection';
import { verifyAuditChain } from './audit';
import { readAnchors } from './audit-anchor';
import { checkAuditedState, type StateProblem } from './audit-state';
import { vi } from '../../shared/i18n/vi';
import type { ChainReport } from '../../shared/api/schemas';

export interface AnchorReport {
  ok: boolean;
  /** The last anchored row that still agrees (0: none); the disagreement starts after it. */
  agreedTo: number | null;
  firstDisagreeingSeq: number | null;
  message: string;
}

export interface DbCheckReport {
  ok: boolean;
  integrity: { ok: boolean; message: string };
  chain: ChainReport;
  anchor: AnchorReport;
  state: { ok: boolean; problems: StateProblem[]; message: string };
}

function checkAnchors(dataDir: string, sqlite: Database.Database): AnchorReport {
  const anchors = readAnchors(dataDir);
  if (anchors.length === 0) return { ok: true, agreedTo: null, firstDisagreeingSeq: null, message: vi.db.anchorNone };
  const get = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?');
  let agreedTo = 0;
  for (const a of anchors) {
    const row = get.get(a.seq) as { hash: string } | undefined;
    if (!row || row.hash !== a.hash) {
      const message = row ? vi.db.anchorHashDiffers(agreedTo, a.seq, a.line) : vi.db.anchorMissingRow(agreedTo, a.seq, a.line);
      return { ok: false, agreedTo, firstDisagreeingSeq: a.seq, message };
    }
    agreedTo = Math.max(agreedTo, a.seq);
  }
  return { ok: true, agreedTo, firstDisagreeingSeq: null, message: vi.db.anchorOk(anchors.length) };
}

export function checkDatabase(dataDir: string): DbCheckReport {
  const file = path.join(dataDir, DB_FILE);
  if (!existsSync(file)) throw new Error(vi.db.cannotOpen(dataDir, vi.db.noDataFile));
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    const integrity = problems.length ? { ok: false, message: vi.db.integrityBad(problems.slice(0, 5).join('; ')) } : { ok: true, message: vi.db.integrityOk };
    const db = wrap(sqlite, file);
    const chain = verifyAuditChain(db);
    const anchor = checkAnchors(dataDir, sqlite);
    const stateProblems = checkAuditedState(db);
    const state = {
      ok: stateProblems.length === 0,
      problems: stateProblems,
      message: stateProblems.length ? stateProblems.map((p) => p.message).join('\n') : vi.db.stateOk,
    };
    return { ok: integrity.ok && chain.ok && anchor.ok && state.ok, integrity, chain, anchor, state };
  } finally {
    sqlite.close();
  }
}
