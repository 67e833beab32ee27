// Migration 014 on a database of the version before: a criteria set named by an upload's random
// id gets the user's file name (or the import date) instead; sets named properly keep their name.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { DB_FILE } from '../../main/db/connection';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 014: criteria set names in words', () => {
  it('renames only the sets named by an upload id', () => {
    const i = migrations.findIndex((m) => m.version === 14);
    expect(migrations[i]).toMatchObject({ version: 14, name: expect.stringContaining('criteria sets') });
    dir = mkdtempSync(path.join(os.tmpdir(), 'kc-m014-'));
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, migrations.slice(0, i));
    const insert = db.prepare(
      `INSERT INTO criteria_set (id, name, decision, province, year, source_name, warnings_json, total_max, created_at) VALUES (?, ?, NULL, NULL, NULL, ?, '[]', 100, ?)`,
    );
    // 14/09/2023 10:00 in Hà Nội.
    const at = Date.UTC(2023, 8, 14, 3, 0);
    insert.run(1, '33fce2df-2799-4c1a-9f0e-0a1b2c3d4e5f', 'Bo tieu chi CCHC xa 2023.xlsx', at);
    insert.run(2, 'a1b2c3d4-0000-4000-8000-123456789abc', 'a1b2c3d4-0000-4000-8000-123456789abc', at);
    insert.run(3, 'Bộ chỉ số CCHC cấp xã năm 2024', 'chi-so-2024.xlsx', at);
    migrate(db, 2, migrations.slice(0, i + 1));
    const names = db.prepare('SELECT id, name FROM criteria_set ORDER BY id').all();
    expect(names).toEqual([
      { id: 1, name: 'Bo tieu chi CCHC xa 2023' },
      { id: 2, name: 'Bộ tiêu chí nhập ngày 14/09/2023' },
      { id: 3, name: 'Bộ chỉ số CCHC cấp xã năm 2024' },
    ]);
    db.close();
  });
});
