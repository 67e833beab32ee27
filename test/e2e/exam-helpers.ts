// The set-up both exam specs start from (exam.spec.ts, exam-day.spec.ts): an office with its
// leader and a proctor, the server's test clock, roster files in the official forms, and the
// round page's tabs and team cards as a proctor finds them.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, LEADER, OFFICE, type AppFixture } from './fixtures';
import { apiCall, type Served } from '../helpers/cli';
import { writeRosterXlsx, type FormCode, type RosterRowOut } from '../../main/services/roster';

export const PROCTOR = { fullName: 'Ngô Thanh Bình', username: 'giamthi', password: 'giam-thi-123' };
/** 08:00 on 20/09/2023 in Vietnam: the exam day both specs play out. */
export const T0 = Date.UTC(2023, 8, 20, 1, 0);

/** Moves the server's clock (test hooks) to `at`; `server` may be one restarted on the same folder. */
export async function setClock(server: Served, at: number) {
  const r = await apiCall(server, 'test.setClock', { offsetMs: at - Date.now() });
  expect(r.ok).toBe(true);
}

/** Sets the office up through the API with its leader and a proctor; returns the leader's token. */
export async function officeWithProctor(app: AppFixture): Promise<string> {
  await apiCall(app, 'office.setup', {
    office: { ...OFFICE, kind: 'xa' },
    leader: { fullName: LEADER.fullName, position: 'Chủ tịch', username: LEADER.username, password: LEADER.password },
  });
  const leader = (await apiCall(app, 'auth.login', { username: LEADER.username, password: LEADER.password })).value.token as string;
  await apiCall(
    app,
    'users.create',
    { fullName: PROCTOR.fullName, position: 'Công chức khác', username: PROCTOR.username, password: PROCTOR.password, roles: ['proctor'] },
    leader,
  );
  return leader;
}

/** Writes a roster in one of the official forms (Mẫu 01–05) to a fresh temp folder; returns its path. */
export async function rosterXlsx(form: FormCode, rows: RosterRowOut[], fileName: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-roster-'));
  const meta = { province: OFFICE.province, district: OFFICE.district, roundName: 'Đợt 1 năm 2023', date: '2023-09-20' };
  const file = path.join(dir, fileName);
  await writeRosterXlsx(form, rows, meta, file);
  return file;
}

/** A team's card on the console, by its commune. */
export const teamCard = (page: Page, commune: string) => page.getByRole('article', { name: `Đội ${commune}` });

/** Opens one of the round page's tabs (Danh sách, Đội thi, Điều hành, Kết quả). */
export const openTab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Các phần' }).getByRole('link', { name, exact: true }).click();
