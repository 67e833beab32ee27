// The one permission table: every contract method has exactly one entry, the router takes access
// from it, and the UI's mayCall answers as the router would.
import { afterEach, describe, expect, it } from 'vitest';
import { permissions, mayCall } from '../../shared/api/permissions';
import { methodNames } from '../../shared/api/contract';
import { openTestApp, cleanup, setUpOffice, type TestApp } from '../helpers/services';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  cleanup(app?.dir);
  app = undefined;
});

describe('permission table', () => {
  it('has an entry for every method of the contract, and nothing else', () => {
    expect(Object.keys(permissions).sort()).toEqual([...methodNames].sort());
  });

  it('answers for the UI as the router decides', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    await app.call(
      'users.create',
      { fullName: 'Trần Văn Bình', position: 'Tư pháp - Hộ tịch', username: 'binh', password: 'binh-12345', roles: ['proctor'] },
      leader,
    );
    const proctor = (await app.call('auth.login', { username: 'binh', password: 'binh-12345' })).token;
    for (const [method, input] of [
      ['package.forget', { packageKey: 'a'.repeat(64) }],
      ['users.list', { includeInactive: true }],
      ['assessment.create', { year: 2023, setId: 1, opensAt: 1, closesAt: 2 }],
      ['clock.reset', { source: 'reason', reason: 'x'.repeat(30) }],
    ] as const) {
      expect(mayCall(['proctor'], method)).toBe(false);
      expect((await app.fail(method, input as never, proctor)).code).toBe('FORBIDDEN');
    }
    expect(mayCall(['proctor'], 'exam.rounds')).toBe(true);
    expect(await app.call('exam.rounds', {}, proctor)).toEqual([]);
    expect(mayCall(null, 'system.info')).toBe(true);
    expect(mayCall(null, 'clock.status')).toBe(false);
  });
});

describe('roles read from the database', () => {
  it('are parsed, not cast: an unknown or damaged value grants nothing', async () => {
    const { parseRoles } = await import('../../main/services/users');
    expect(parseRoles('["officer","proctor"]')).toEqual(['officer', 'proctor']);
    expect(parseRoles('["leader","root"]')).toEqual([]);
    expect(parseRoles('leader')).toEqual([]);
  });
});
