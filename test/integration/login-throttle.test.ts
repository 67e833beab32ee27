// Password guessing is slowed down per account and per client, a run of failures locks the
// account until it runs out or a leader lifts it (audited), and the lock screen ends the session
// after a few wrong passwords — all through the real router on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { DB_FILE } from '../../main/db/connection';
import { openTestApp, setUpOffice, cleanup, tempDir, type TestApp } from '../helpers/services';
import { THROTTLE } from '../../main/domain/login-throttle';

let app: TestApp;
let leaderToken: string;
const ADMIN = { fullName: 'Lê Thị Hương', position: 'Văn phòng - Thống kê' as const, username: 'huong', password: 'mat-khau-huong', roles: ['admin' as const] };
const OFFICER = { fullName: 'Phạm Văn Nam', position: 'Tư pháp - Hộ tịch' as const, username: 'nam', password: 'mat-khau-nam', roles: ['officer' as const] };

beforeEach(async () => {
  app = openTestApp();
  leaderToken = await setUpOffice(app);
  await app.call('users.create', ADMIN, leaderToken);
  await app.call('users.create', OFFICER, leaderToken);
});
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

const login = (username: string, password: string, client = 'pc-1') => app.api.dispatch('auth.login', { username, password }, { client });
const auditActions = () =>
  app.s.db.sqlite.prepare('SELECT action, entity_id AS entityId FROM audit_log ORDER BY seq').all() as { action: string; entityId: string }[];

describe('login limits', () => {
  it('a few mistakes cost nothing; then each try waits longer, and the right password is not even checked while waiting', async () => {
    for (let i = 0; i < THROTTLE.accountFreeFailures; i++) {
      const r = await login('nam', 'sai-mat-khau');
      expect(r.ok ? null : r.error.code).toBe('BAD_CREDENTIALS');
    }
    const slowed = await login('nam', OFFICER.password);
    expect(slowed.ok).toBe(false);
    if (slowed.ok) return;
    expect(slowed.error.code).toBe('RATE_LIMITED');
    expect(slowed.error.message).toBe('Đăng nhập sai nhiều lần liên tiếp. Hãy chờ 1 giây rồi thử lại.');
    app.clock.advance(1_000);
    expect((await login('nam', 'van-sai')).ok).toBe(false);
    // The second wait is twice the first.
    app.clock.advance(1_000);
    const again = await login('nam', OFFICER.password);
    expect(!again.ok && again.error.message).toBe('Đăng nhập sai nhiều lần liên tiếp. Hãy chờ 1 giây rồi thử lại.');
    app.clock.advance(1_000);
    const ok = await login('nam', OFFICER.password);
    expect(ok.ok).toBe(true);
    // A success clears the count: the next mistake is free again.
    expect((await login('nam', 'sai')).ok ? '' : 'BAD').toBe('BAD');
    const next = await login('nam', OFFICER.password);
    expect(next.ok).toBe(true);
  });

  it('a run of failures locks the account; a leader lifts it early, and both are audited', async () => {
    let lastMessage = '';
    for (let i = 0; i < THROTTLE.accountLockAfter; i++) {
      app.clock.advance(THROTTLE.maxDelayMs);
      const r = await login('nam', `doan-${i}`);
      expect(r.ok).toBe(false);
      if (!r.ok) lastMessage = r.error.code;
    }
    expect(lastMessage).toBe('BAD_CREDENTIALS');
    app.clock.advance(THROTTLE.maxDelayMs);
    const locked = await login('nam', OFFICER.password);
    expect(locked.ok).toBe(false);
    if (locked.ok) return;
    expect(locked.error.code).toBe('RATE_LIMITED');
    expect(locked.error.message).toMatch(/^Tài khoản tạm khóa đến \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} vì nhập sai mật khẩu nhiều lần/);
    const namId = (app.s.db.sqlite.prepare("SELECT id FROM users WHERE username = 'nam'").get() as { id: number }).id;
    expect(auditActions()).toContainEqual({ action: 'auth.lockout', entityId: String(namId) });

    // An admin (like a leader) sees the lock and lifts it.
    const adminToken = (await app.call('auth.login', { username: 'huong', password: ADMIN.password })).token;
    const locks = await app.call('users.loginLocks', {}, adminToken);
    expect(locks).toEqual([{ userId: namId, failures: THROTTLE.accountLockAfter, lockedUntil: expect.any(Number) }]);
    await app.call('users.unlockLogin', { id: namId }, adminToken);
    expect(auditActions().at(-1)).toEqual({ action: 'users.unlockLogin', entityId: String(namId) });
    expect(await app.call('users.loginLocks', {}, adminToken)).toEqual([]);
    expect((await login('nam', OFFICER.password)).ok).toBe(true);
  });

  it('officers cannot see or lift locks', async () => {
    const { token } = await app.call('auth.login', { username: 'nam', password: OFFICER.password });
    expect((await app.fail('users.loginLocks', {}, token)).code).toBe('FORBIDDEN');
    expect((await app.fail('users.unlockLogin', { id: 1 }, token)).code).toBe('FORBIDDEN');
  });

  it('a lock runs out by itself', async () => {
    for (let i = 0; i < THROTTLE.accountLockAfter; i++) {
      app.clock.advance(THROTTLE.maxDelayMs);
      await login('nam', 'sai');
    }
    app.clock.advance(THROTTLE.accountLockMs - 1_000);
    expect((await login('nam', OFFICER.password)).ok).toBe(false);
    app.clock.advance(1_000);
    expect((await login('nam', OFFICER.password)).ok).toBe(true);
  });

  it('an unknown name is slowed down exactly like a real one (the answer does not reveal which names exist)', async () => {
    for (let i = 0; i < THROTTLE.accountFreeFailures; i++) await login('khong-co-ai', 'sai');
    const r = await login('khong-co-ai', 'sai');
    expect(!r.ok && r.error.message).toBe('Đăng nhập sai nhiều lần liên tiếp. Hãy chờ 1 giây rồi thử lại.');
  });

  it('one client guessing across many accounts is slowed down; another client is not', async () => {
    for (let i = 0; i < THROTTLE.clientFreeFailures; i++) await login(`ten-${i}`, 'sai', '192.168.1.50');
    const r = await login('nam', OFFICER.password, '192.168.1.50');
    expect(!r.ok && r.error.code).toBe('RATE_LIMITED');
    expect(!r.ok && r.error.message).toMatch(/^Máy này đã đăng nhập sai quá nhiều lần/);
    expect((await login('nam', OFFICER.password, '192.168.1.51')).ok).toBe(true);
  });
});

describe('the lock screen', () => {
  it('says "Mật khẩu không đúng" with the tries left, and ends the session after the last one (audited)', async () => {
    const { token } = await app.call('auth.login', { username: 'nam', password: OFFICER.password });
    app.clock.advance(16 * 60_000); // past the 15-minute inactivity lock
    expect((await app.fail('assessment.list', {}, token)).code).toBe('LOCKED');
    for (let left = THROTTLE.unlockTries - 1; left >= 1; left--) {
      const e = await app.fail('auth.unlock', { password: 'sai' }, token);
      expect(e).toEqual({ code: 'BAD_CREDENTIALS', message: `Mật khẩu không đúng. Còn ${left} lần thử trước khi phiên kết thúc.` });
    }
    const last = await app.fail('auth.unlock', { password: 'sai' }, token);
    expect(last).toEqual({
      code: 'UNAUTHENTICATED',
      message: `Nhập sai mật khẩu ${THROTTLE.unlockTries} lần nên phiên làm việc đã kết thúc. Hãy đăng nhập lại.`,
    });
    expect(await app.call('auth.session', { touch: false }, token)).toBeNull();
    expect(auditActions().at(-1)?.action).toBe('auth.unlockFailed');
    // Even the right password does not bring that session back.
    expect((await app.fail('auth.unlock', { password: OFFICER.password }, token)).code).toBe('UNAUTHENTICATED');
  });

  it('a right password resets the count of wrong unlocks', async () => {
    const { token } = await app.call('auth.login', { username: 'nam', password: OFFICER.password });
    app.clock.advance(16 * 60_000);
    for (let i = 0; i < THROTTLE.unlockTries - 1; i++) await app.fail('auth.unlock', { password: 'sai' }, token);
    await app.call('auth.unlock', { password: OFFICER.password }, token);
    app.clock.advance(16 * 60_000);
    const e = await app.fail('auth.unlock', { password: 'sai' }, token);
    expect(e.message).toBe(`Mật khẩu không đúng. Còn ${THROTTLE.unlockTries - 1} lần thử trước khi phiên kết thúc.`);
  });
});

describe('migration 007', () => {
  it('keeps sessions of a v6 database and adds the throttle table', () => {
    const dir = tempDir();
    try {
      const db = new Database(path.join(dir, DB_FILE));
      db.pragma('foreign_keys = ON');
      migrate(db, 1, migrations.slice(0, 6));
      db.prepare(
        `INSERT INTO users (username, full_name, position, roles, password_hash, created_at, updated_at) VALUES ('lan', 'Trần Thị Lan', 'Phó Chủ tịch', '["leader"]', 'x', 1, 1)`,
      ).run();
      db.prepare(`INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ('t', 1, 1, 1)`).run();
      migrate(db, 2, migrations.slice(0, 7));
      expect(db.prepare('SELECT token_hash, failed_unlocks FROM sessions').get()).toEqual({ token_hash: 't', failed_unlocks: 0 });
      db.prepare(`INSERT INTO login_throttle (username, failures, last_failure_at) VALUES ('lan', 1, 1)`).run();
      expect(() => db.prepare(`INSERT INTO login_throttle (username, failures, last_failure_at) VALUES ('x', -1, 1)`).run()).toThrow(/CHECK/);
      db.close();
    } finally {
      cleanup(dir);
    }
  });
});
