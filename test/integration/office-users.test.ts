// The first feature against a real SQLite file: set-up, log in, users, lock, audit.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, cleanup, setUpOffice, LEADER, OFFICE, type TestApp } from '../helpers/services';

let app: TestApp;
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

const OFFICER = {
  fullName: 'Lê Thị Hương',
  position: 'Văn phòng - Thống kê' as const,
  username: 'huong',
  password: 'huong-123456',
  roles: ['officer' as const],
};

describe('office set-up', () => {
  it('creates the office and a leader whose password is stored only as a scrypt hash', async () => {
    app = openTestApp();
    expect((await app.call('system.info', {})).setUp).toBe(false);
    await app.call('office.setup', { office: OFFICE, leader: LEADER });
    const info = await app.call('system.info', {});
    expect(info.office).toMatchObject(OFFICE);
    const row = app.s.db.sqlite.prepare('SELECT password_hash, roles FROM users WHERE username = ?').get('chutich') as { password_hash: string; roles: string };
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain(LEADER.password);
    expect(JSON.parse(row.roles)).toEqual(['leader', 'admin']);
  });

  it('cannot be run twice', async () => {
    app = openTestApp();
    await setUpOffice(app);
    const e = await app.fail('office.setup', { office: OFFICE, leader: { ...LEADER, username: 'khac' } });
    expect(e).toMatchObject({ code: 'ALREADY_SET_UP', message: 'Đơn vị đã được thiết lập; không thể thiết lập lại.' });
  });

  it('refuses a short password and writes nothing', async () => {
    app = openTestApp();
    const e = await app.fail('office.setup', { office: OFFICE, leader: { ...LEADER, password: '1234567' } });
    expect(e.issues).toContainEqual({ path: 'leader.password', message: 'Mật khẩu phải có ít nhất 8 ký tự.' });
    expect((await app.call('system.info', {})).setUp).toBe(false);
    expect(app.s.db.sqlite.prepare('SELECT COUNT(*) n FROM audit_log').get()).toEqual({ n: 0 });
  });

  it('with several fields wrong, the message counts and names each (the form shows it as it is)', async () => {
    app = openTestApp();
    const one = await app.fail('office.setup', { office: OFFICE, leader: { ...LEADER, password: '1234567' } });
    expect(one.message).toBe('Dữ liệu nhập chưa hợp lệ: Mật khẩu phải có ít nhất 8 ký tự.');
    const two = await app.fail('office.setup', { office: { ...OFFICE, province: '' }, leader: { ...LEADER, password: '1234567' } });
    expect(two.code).toBe('VALIDATION');
    expect(two.message).toMatch(/^Dữ liệu nhập chưa hợp lệ ở 2 chỗ: /);
    for (const i of two.issues ?? []) expect(two.message).toContain(i.message.replace(/\.$/, ''));
  });
});

describe('users', () => {
  it('a leader adds an officer who can then log in; a duplicate username changes nothing', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    await app.call('users.create', OFFICER, leader);
    const auditBefore = app.s.db.sqlite.prepare('SELECT COUNT(*) n FROM audit_log').get();
    const dup = await app.fail('users.create', { ...OFFICER, username: 'HUONG', fullName: 'Người khác' }, leader);
    expect(dup).toMatchObject({ code: 'CONFLICT', message: 'Tên đăng nhập "huong" đã có người dùng. Hãy chọn tên khác.' });
    expect(app.s.db.sqlite.prepare('SELECT COUNT(*) n FROM audit_log').get()).toEqual(auditBefore);
    expect((await app.call('users.list', { includeInactive: true }, leader)).map((u) => u.username).sort()).toEqual(['chutich', 'huong']);
    const { session } = await app.call('auth.login', { username: 'huong', password: OFFICER.password });
    expect(session.user).toMatchObject({ fullName: 'Lê Thị Hương', roles: ['officer'] });
  });

  it('a wrong password is refused with the same message as an unknown user', async () => {
    app = openTestApp();
    await setUpOffice(app);
    const wrong = await app.fail('auth.login', { username: 'chutich', password: 'sai-mat-khau' });
    const unknown = await app.fail('auth.login', { username: 'khongco', password: 'sai-mat-khau' });
    expect(wrong).toEqual({ code: 'BAD_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    expect(unknown).toEqual(wrong);
  });

  it('a deactivated officer cannot log in and loses open sessions; reactivation restores access', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    const u = await app.call('users.create', OFFICER, leader);
    const { token } = await app.call('auth.login', { username: 'huong', password: OFFICER.password });
    await app.call('users.setActive', { id: u.id, active: false }, leader);
    expect((await app.fail('settings.get', {}, token)).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('auth.login', { username: 'huong', password: OFFICER.password })).message).toMatch(/ngừng hoạt động/);
    await app.call('users.setActive', { id: u.id, active: true }, leader);
    await app.call('auth.login', { username: 'huong', password: OFFICER.password });
  });

  it('never leaves the office without a leader or admin', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    const me = (await app.call('auth.session', { touch: false }, leader))!.user;
    expect((await app.fail('users.update', { id: me.id, roles: ['officer'] }, leader)).message).toMatch(/lãnh đạo\/quản trị cuối cùng/);
    expect((await app.fail('users.setActive', { id: me.id, active: false }, leader)).message).toMatch(/chính mình/);
  });

  it('a password reset by the leader works and ends the officer’s sessions', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    const u = await app.call('users.create', OFFICER, leader);
    const { token } = await app.call('auth.login', { username: 'huong', password: OFFICER.password });
    await app.call('users.update', { id: u.id, password: 'mat-khau-moi-1' }, leader);
    expect((await app.fail('settings.get', {}, token)).code).toBe('UNAUTHENTICATED');
    await app.call('auth.login', { username: 'huong', password: 'mat-khau-moi-1' });
    const audit = await app.call('audit.list', { limit: 5 }, leader);
    const update = audit.entries.find((e) => e.action === 'user.update')!;
    expect(JSON.stringify(update)).not.toMatch(/scrypt|mat-khau-moi/);
    expect(update.after).toMatchObject({ passwordChanged: true });
  });
});

describe('inactivity lock (decided in main, from its clock)', () => {
  it('locks a session after the configured minutes; only unlock with the password opens it', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    await app.call('settings.update', { lockAfterMinutes: 5 }, leader);
    app.clock.advance(4 * 60_000);
    await app.call('settings.get', {}, leader); // activity resets the timer
    app.clock.advance(4 * 60_000);
    await app.call('settings.get', {}, leader);
    app.clock.advance(5 * 60_000 + 1);
    expect((await app.fail('settings.get', {}, leader)).code).toBe('LOCKED');
    expect((await app.call('auth.session', { touch: true }, leader))!.locked).toBe(true);
    expect((await app.fail('auth.unlock', { password: 'sai' }, leader)).code).toBe('BAD_CREDENTIALS');
    await app.call('auth.unlock', { password: LEADER.password }, leader);
    await app.call('settings.get', {}, leader);
  });

  it('refuses a lock time outside 1–240 minutes', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    const e = await app.fail('settings.update', { lockAfterMinutes: 0 }, leader);
    expect(e.issues?.[0]?.message).toBe('Thời gian tự khóa phải từ 1 đến 240 phút.');
  });
});

describe('audit log', () => {
  it('records every change with who, when, before and after, in order, and the chain verifies', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    app.clock.advance(1000);
    const u = await app.call('users.create', OFFICER, leader);
    app.clock.advance(1000);
    await app.call('users.update', { id: u.id, position: 'Tư pháp - Hộ tịch' }, leader);
    const { entries } = await app.call('audit.list', { limit: 50 }, leader);
    const actions = entries.map((e) => e.action).reverse();
    expect(actions).toEqual(['office.setup', 'user.create', 'auth.login', 'user.create', 'user.update']);
    const update = entries[0]!;
    expect(update).toMatchObject({
      actorName: 'Nguyễn Văn Hùng',
      before: { position: 'Văn phòng - Thống kê' },
      after: { position: 'Tư pháp - Hộ tịch' },
    });
    expect(update.at).toBe(app.clock.now());
    expect(await app.call('audit.verify', {}, leader)).toMatchObject({ ok: true, rows: 5 });
  });
});
