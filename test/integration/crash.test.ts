// Killing the server (SIGKILL) in the middle of a burst of writes: every write the server
// acknowledged is on disk, SQLite's integrity check is clean and the audit chain is whole.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { tempDir, cleanup } from '../helpers/services';
import { startServe, apiCall, runCli, type Served } from '../helpers/cli';
import { DB_FILE } from '../../main/db/connection';

let dir: string;
let served: Served | undefined;
afterEach(async () => {
  await served?.stop();
  cleanup(dir);
});

describe('crash safety', () => {
  it('keeps every acknowledged write after SIGKILL mid-burst', async () => {
    dir = tempDir();
    served = await startServe(dir);
    const setup = await apiCall(served, 'office.setup', {
      office: { province: 'Sóc Trăng', district: 'Mỹ Xuyên', commune: 'Đại Tâm', kind: 'xa' },
      leader: { fullName: 'Trần Văn An', position: 'Chủ tịch', username: 'chutich', password: 'mat-khau-123' },
    });
    expect(setup.ok).toBe(true);
    const login = await apiCall(served, 'auth.login', { username: 'chutich', password: 'mat-khau-123' });
    const session = login.value.token as string;

    // Settings writes are cheap (no password hashing), so many are in flight when the kill lands.
    const acknowledged: number[] = [];
    let stop = false;
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const minutes = 1 + ((lane * 1000 + i) % 240);
        const r = await apiCall(served!, 'settings.update', { lockAfterMinutes: minutes }, session).catch(() => null);
        if (!r?.ok) return;
        acknowledged.push(minutes);
      }
    };
    const lanes = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise((r) => served!.proc.once('exit', r));
    served.proc.kill('SIGKILL');
    stop = true;
    await Promise.all(lanes);
    await exited;
    const acked = acknowledged.length;
    expect(acked).toBeGreaterThanOrEqual(150);

    // Every acknowledged write left an audit row (written in the same transaction).
    const db = new Database(path.join(dir, DB_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare("SELECT after_json FROM audit_log WHERE action = 'settings.update' ORDER BY seq").all() as { after_json: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(acked);
    const written = rows.map((r) => (JSON.parse(r.after_json) as { lockAfterMinutes: number }).lockAfterMinutes);
    // Multiset inclusion: each acknowledged value appears at least as often as it was acknowledged.
    const count = (xs: number[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<number, number>());
    const have = count(written);
    for (const [v, n] of count(acknowledged)) expect(have.get(v) ?? 0).toBeGreaterThanOrEqual(n);
    db.close();

    const check = runCli(['db', 'check', '--data-dir', dir]);
    expect(check.stdout).toMatch(/toàn vẹn/);
    expect(check.code).toBe(0);

    // And the app opens again on the same folder.
    served = await startServe(dir);
    const again = await apiCall(served, 'auth.login', { username: 'chutich', password: 'mat-khau-123' });
    expect(again.ok).toBe(true);
  });
});
