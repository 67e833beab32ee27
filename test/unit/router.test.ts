import { afterEach, describe, expect, it } from 'vitest';
import { Router } from '../../main/api/router';
import { openTestApp, cleanup, setUpOffice, type TestApp } from '../helpers/services';

let app: TestApp;
afterEach(() => {
  app?.close();
  cleanup(app.dir);
});

describe('the router', () => {
  it('refuses a second registration of the same method', () => {
    app = openTestApp();
    const r = new Router(app.s);
    r.register('system.info', () => ({ version: '1', setUp: false, office: null, dataDir: '', testHooks: false }));
    expect(() => r.register('system.info', () => ({ version: '1', setUp: false, office: null, dataDir: '', testHooks: false }))).toThrow(/twice/);
  });

  it('answers an unknown method with a Vietnamese error value', async () => {
    app = openTestApp();
    const r = await app.api.dispatch('users.dropAll', {}, {});
    expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: expect.stringContaining('không có chức năng') } });
  });

  it('checks login before looking at the input, and roles after login', async () => {
    app = openTestApp();
    expect((await app.fail('users.create', { bogus: 1 } as never)).code).toBe('UNAUTHENTICATED');
    const leader = await setUpOffice(app);
    await app.call(
      'users.create',
      { fullName: 'Lê Thị Hương', position: 'Văn phòng - Thống kê', username: 'huong', password: '12345678', roles: ['officer'] },
      leader,
    );
    const { token } = await app.call('auth.login', { username: 'huong', password: '12345678' });
    expect((await app.fail('users.list', { includeInactive: true }, token)).code).toBe('FORBIDDEN');
    expect((await app.fail('settings.update', { lockAfterMinutes: 5 }, token)).code).toBe('FORBIDDEN');
  });

  it('turns schema failures into per-field Vietnamese issues', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    const e = await app.fail('users.create', { fullName: '', position: 'Thủ quỹ' as never, username: 'A B', password: 'ngan', roles: [] }, leader);
    expect(e.code).toBe('VALIDATION');
    const byPath = Object.fromEntries((e.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath).toMatchObject({
      fullName: 'Cần nhập họ và tên.',
      position: 'Chức danh không có trong danh sách chức danh của xã.',
      password: 'Mật khẩu phải có ít nhất 8 ký tự.',
      roles: 'Chọn ít nhất một vai trò.',
    });
    expect(byPath.username).toMatch(/Tên đăng nhập/);
  });
});
