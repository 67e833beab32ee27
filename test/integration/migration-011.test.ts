// Migration 011 (office network) on a v10 database with rows: items get version 0 and keep their
// content, existing audit rows keep their hashes (the chain still verifies), sessions stay local.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { DB_FILE } from '../../main/db/connection';
import { GENESIS_HASH, findChainBreak, rowHash, type ChainedRow } from '../../main/domain/audit-chain';
import { cleanup, tempDir } from '../helpers/services';

let dir: string;
afterEach(() => cleanup(dir));

describe('migration 011', () => {
  it('adds item versions and remote addresses to a v10 database without touching its rows or its audit chain', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, migrations.slice(0, 10));
    db.prepare(
      `INSERT INTO users (id, username, full_name, position, roles, password_hash, created_at, updated_at) VALUES (1, 'huong', 'Lê Thị Hương', 'Văn phòng - Thống kê', '["officer"]', 'x', 1, 1)`,
    ).run();
    db.prepare(`INSERT INTO criteria_set (id, name, total_max, created_at) VALUES (1, 'Bộ', 100, 1)`).run();
    db.prepare(`INSERT INTO assessment (id, year, set_id, opens_at, closes_at, status, created_at, updated_at) VALUES (1, 2023, 1, 1, 2, 'open', 1, 1)`).run();
    db.prepare(`INSERT INTO assessment_item (id, assessment_id, criterion_code, points, explanation, updated_at) VALUES (1, 1, '1.1', 1.5, 'BC 25', 1)`).run();
    db.prepare(`INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, locked) VALUES ('h', 1, 1, 1, 0)`).run();
    const content = {
      seq: 1,
      at: 5,
      userId: 1,
      actorName: 'Lê Thị Hương',
      action: 'item.update',
      entity: 'item',
      entityId: '2023:1.1',
      beforeJson: null,
      afterJson: '{"points":1.5}',
    };
    const hash = rowHash(GENESIS_HASH, content);
    db.prepare(
      `INSERT INTO audit_log (seq, at, user_id, actor_name, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (1, 5, 1, 'Lê Thị Hương', 'item.update', 'item', '2023:1.1', NULL, '{"points":1.5}', ?, ?)`,
    ).run(GENESIS_HASH, hash);

    migrate(db, 2, migrations.slice(0, 11));

    expect(db.prepare('SELECT points, explanation, version FROM assessment_item').get()).toEqual({ points: 1.5, explanation: 'BC 25', version: 0 });
    expect(db.prepare('SELECT remote_addr FROM sessions').get()).toEqual({ remote_addr: null });
    const rows = db
      .prepare(
        `SELECT seq, at, user_id AS userId, actor_name AS actorName, action, entity, entity_id AS entityId, before_json AS beforeJson, after_json AS afterJson, remote_addr AS remoteAddr, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq`,
      )
      .all() as ChainedRow[];
    expect(rows[0]!.remoteAddr).toBeNull();
    expect(findChainBreak(rows)).toBeNull();
    // A row with an address has it in its hash: changing the address afterwards breaks the chain.
    const remote = { ...content, seq: 2, prevHash: hash, remoteAddr: '192.168.1.23' };
    const h2 = rowHash(hash, remote);
    expect(h2).not.toBe(rowHash(hash, { ...remote, remoteAddr: null }));
    expect(findChainBreak([...rows, { ...remote, hash: h2 }])).toBeNull();
    expect(findChainBreak([...rows, { ...remote, remoteAddr: '192.168.1.99', hash: h2 }])).toEqual({ seq: 2, kind: 'tampered' });
    // The append-only triggers still hold on the widened table.
    expect(() => db.prepare(`UPDATE audit_log SET remote_addr = '10.0.0.1' WHERE seq = 1`).run()).toThrow(/append-only/);
    db.close();
  });
});
