// Services on a real SQLite file in a fresh temp folder, with a clock the test can move.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OsKeychain } from '../../main/services/package-format/key-store';
import { bootServices } from '../../main/services/bootstrap';
import { OffsetClock, type Clock } from '../../main/services/clock';
import { createApi } from '../../main/api';
import type { Services } from '../../main/services/context';
import type { Router } from '../../main/api/router';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { ApiErrorShape } from '../../shared/errors';

export const tempDir = (prefix = 'kc-test-') => mkdtempSync(path.join(os.tmpdir(), prefix));

/** A clock that starts at a fixed instant and only moves when told. */
export class ManualClock implements Clock {
  constructor(private t = Date.UTC(2023, 8, 20, 2, 0, 0)) {}
  now() {
    return this.t;
  }
  monotonic() {
    return this.t;
  }
  advance(ms: number) {
    this.t += ms;
  }
  set(ms: number) {
    this.t = ms;
  }
}

export interface TestApp {
  s: Services;
  api: Router;
  clock: ManualClock;
  dir: string;
  /** Calls the router like a transport would; resolves the value or throws the error shape. */
  call<M extends MethodName>(m: M, input: Input<M>, token?: string): Promise<Output<M>>;
  /** Calls and returns the error (fails the test if the call succeeds). */
  fail<M extends MethodName>(m: M, input: Input<M>, token?: string): Promise<ApiErrorShape>;
  close(): void;
}

/** Opens a data folder as the app would; `keychain` stands for the desktop app's OS keychain. */
export function openTestApp(dir = tempDir(), opts: { keychain?: OsKeychain | null } = {}): TestApp {
  const clock = new ManualClock();
  const s = bootServices({ dataDir: dir, clock, testHooks: false, keychain: opts.keychain ?? null });
  const api = createApi(s);
  return {
    s,
    api,
    clock,
    dir,
    async call(m, input, token) {
      const r = await api.dispatch(m, input, { token });
      if (!r.ok) throw Object.assign(new Error(`${m}: ${r.error.code} ${r.error.message}`), { shape: r.error });
      return r.value as never;
    },
    async fail(m, input, token) {
      const r = await api.dispatch(m, input, { token });
      if (r.ok) throw new Error(`${m} was expected to fail but succeeded`);
      return r.error;
    },
    close() {
      s.db.close();
    },
  };
}

export const cleanup = (dir: string | undefined) => dir && rmSync(dir, { recursive: true, force: true });

export const OFFICE = { province: 'Thái Nguyên', district: 'Võ Nhai', commune: 'Phú Thượng', kind: 'xa' as const };
export const LEADER = { fullName: 'Nguyễn Văn Hùng', position: 'Chủ tịch' as const, username: 'chutich', password: 'mat-khau-manh' };

/** Sets up the office and logs the leader in; returns the leader's session token. */
export async function setUpOffice(app: TestApp): Promise<string> {
  await app.call('office.setup', { office: OFFICE, leader: LEADER });
  const { token } = await app.call('auth.login', { username: LEADER.username, password: LEADER.password });
  return token;
}

export { OffsetClock };
