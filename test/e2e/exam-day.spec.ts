// Exam day in Chromium against the real backend, with the server's test clock (document 000):
// teams by the sub-role in Ghi chú, the 6-month rule offering only the previous and the new
// position, codes in the portal's format with a saved confirmation, "Còn 5 phút" at 05:00, an
// override of 2,5 minutes, the console at time-out (results still open, no new codes, not green),
// a late commune imported and formed while the first team runs, and the read-only room board in a
// second tab without a login, filling 1920×1080. Screenshots go to $KC_SHOTS (default: a temp folder).
import os from 'node:os';
import path from 'node:path';
import { test, expect, login } from './fixtures';
import { PROCTOR, T0, officeWithProctor, openTab as tab, rosterXlsx, setClock, teamCard as card } from './exam-helpers';
import { apiCall } from '../helpers/cli';

// Outside test-results/, which another run may clear meanwhile.
const SHOTS = process.env.KC_SHOTS ?? path.join(os.tmpdir(), 'kc-exam-day-shots');

const person = (fullName: string, positionTitle: string, commune: string, note: string | null, i: number) => ({
  fullName,
  gender: 'nam' as const,
  birthYear: 1980 + i,
  positionTitle,
  commune,
  phone: `09120000${String(i).padStart(2, '0')}`,
  note,
});

function rosterFile(commune: string, base: number) {
  return rosterXlsx(
    '02',
    [
      person(`Lê Thị Hành`, 'Văn phòng - Thống kê', commune, 'Phụ trách HĐND và UBND', base + 1),
      person(`Lê Văn Cửa`, 'Văn phòng - Thống kê', commune, 'Phụ trách một cửa', base + 2),
      person(`Phạm Chứng`, 'Tư pháp - Hộ tịch', commune, 'Phụ trách chứng thực', base + 3),
      person(`Phạm Hộ`, 'Tư pháp - Hộ tịch', commune, 'Phụ trách hộ tịch', base + 4),
      person(`Hoàng Thị Mai`, 'Tài chính - Kế toán', commune, null, base + 5),
    ].map((p) => ({ ...p, fullName: `${p.fullName} ${commune}` })),
    `Mau 02 ${commune}.xlsx`,
  );
}

test('exam day: teams by sub-role, the 6-month rule, codes, 5:00, time-out, a late commune, the room board', async ({ page, app, context }) => {
  test.setTimeout(150_000);
  const leader = await officeWithProctor(app);
  await apiCall(app, 'exam.createRound', { name: 'Đợt 1 năm 2023', examDate: '2023-09-20', venue: 'Hội trường UBND huyện', district: 'Mỹ Xuyên' }, leader);
  await setClock(app, T0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await login(page, PROCTOR.username, PROCTOR.password);
  await page.goto(`${app.url}#/exams/1/teams`);

  // No roster yet: the button says why it is disabled.
  await expect(page.getByRole('button', { name: 'Lập đội thi theo xã' })).toBeDisabled();
  await expect(page.getByText('Chưa lập được đội: chưa có người nào trong Mẫu 01, 02')).toBeVisible();

  await tab(page, 'Danh sách');
  await page.getByLabel('Nhập danh sách (Excel Mẫu 01–05)…').setInputFiles(await rosterFile('Xã Đại Tâm', 0));
  await expect(page.getByText('Đã nhập 5 người.')).toBeVisible();

  // The 6-month rule: the previous position is entered; then only it and the new one are offered.
  await page.getByRole('button', { name: 'Ghi vị trí cũ… — Hoàng Thị Mai Xã Đại Tâm' }).click();
  const move = page.getByRole('form', { name: 'Chuyển vị trí chưa quá 06 tháng — Hoàng Thị Mai Xã Đại Tâm' });
  await move.getByLabel('Vị trí trước khi chuyển').selectOption({ label: 'Văn hóa - Xã hội' });
  await move.getByLabel('Ngày nhận vị trí mới (dd/mm/yyyy)').fill('01/06/2023');
  await move.getByRole('button', { name: 'Lưu' }).click();
  const choice = page.getByLabel('Vị trí dự thi — Hoàng Thị Mai Xã Đại Tâm');
  await expect(choice.locator('option')).toHaveText(['Văn hóa - Xã hội (vị trí trước khi chuyển)', 'Tài chính - Kế toán']);

  // Teams by sub-role.
  await tab(page, 'Đội thi');
  await page.getByRole('button', { name: 'Lập đội thi theo xã' }).click();
  await expect(page.getByText('Đã lập 1 đội')).toBeVisible();
  const teamCard = card(page, 'Xã Đại Tâm');
  const stepBlock = (n: number) =>
    teamCard
      .locator('.team-step')
      .nth(n - 1)
      .locator('ul');
  await expect(stepBlock(1)).toContainText('Lê Thị Hành Xã Đại Tâm');
  await expect(stepBlock(1)).toContainText('Phạm Chứng Xã Đại Tâm');
  await expect(stepBlock(1)).not.toContainText('Lê Văn Cửa');
  await expect(stepBlock(2)).toContainText('Phạm Hộ Xã Đại Tâm');
  await expect(stepBlock(2)).not.toContainText('Phạm Chứng');
  await expect(stepBlock(4)).toContainText('Lê Văn Cửa Xã Đại Tâm Văn phòng - Thống kê (phụ trách một cửa)');

  // Step 1: codes in the portal's format, with a saved confirmation; an override of 2,5 minutes.
  await tab(page, 'Điều hành');
  const c = card(page, 'Xã Đại Tâm');
  await c.getByRole('button', { name: 'Bắt đầu bước 1' }).click();
  const codes = c.getByLabel('Mã lịch hẹn (tối đa 4, mỗi dòng một mã) — Lê Thị Hành Xã Đại Tâm');
  const row = c.locator('tr[data-person="Lê Thị Hành Xã Đại Tâm"]');
  await codes.fill('ABC123');
  await row.getByRole('button', { name: 'Lưu mã' }).click();
  await expect(row.getByText('Mã lịch hẹn "ABC123" không đúng dạng mã hồ sơ của Cổng Dịch vụ công')).toBeVisible();
  await expect(codes).toHaveAttribute('aria-invalid', 'true');
  await codes.fill('G22.99-230920-0001\nG22.99-230920-0002');
  await row.getByRole('button', { name: 'Lưu mã' }).click();
  await expect(row.getByRole('status')).toContainText(/Đã lưu 2 mã lúc \d\d:\d\d:\d\d\./);
  await c.getByRole('button', { name: 'Điều chỉnh thời gian' }).click();
  const ov = page.getByRole('form', { name: 'Điều chỉnh thời gian — Xã Đại Tâm' });
  await ov.getByLabel('Số phút (+ cộng thêm, − bớt)').fill('2,5');
  await ov.getByLabel('Lý do (ghi vào nhật ký)').fill('Mất điện 2 phút rưỡi tại phòng thi');
  await ov.getByRole('button', { name: 'Điều chỉnh thời gian' }).click();
  await expect(c.getByText(/Điều chỉnh thời gian \+2,5 phút: Mất điện 2 phút rưỡi tại phòng thi/)).toBeVisible();

  // The deadline is now 17 min 30 s after the start. 5 minutes before it the clock reads 05:00
  // and says "Còn 5 phút" …
  await expect(c.getByText(/\+2,5 phút/)).toBeVisible();
  const view = await apiCall(app, 'exam.console', { roundId: 1 }, leader);
  const deadline = view.value.teams[0].steps[0].deadlineAt as number;
  expect(deadline - view.value.teams[0].steps[0].startedAt).toBe(17.5 * 60_000);
  await setClock(app, deadline - 5 * 60_000);
  await page.reload();
  await expect(c.getByRole('timer')).toContainText('Còn 5 phút');
  await expect(c.getByTestId('remaining')).toHaveText(/^(05:00|04:5\d)$/);
  // … and at 04:27 it no longer claims 5 minutes.
  await setClock(app, deadline - 267_000);
  await page.reload();
  await expect(c.getByRole('timer')).toContainText('Còn dưới 5 phút');

  // Time-out: the console says so, the step stays open for results, no new codes, not green.
  await setClock(app, deadline + 2_000);
  await page.reload();
  await expect(c.getByRole('status').filter({ hasText: 'Hết giờ — còn 3 người chưa có kết quả' })).toBeVisible();
  await expect(c.getByRole('timer')).toContainText('Hết giờ');
  await expect(codes).toBeDisabled();
  await expect(row.getByRole('button', { name: 'Lưu mã' })).toHaveCount(0);
  const dot1 = c.getByRole('list', { name: 'Các bước thi' }).getByRole('listitem').first();
  await expect(dot1).toHaveClass(/pill--incomplete/);
  await expect(dot1).not.toHaveClass(/pill--ended/);
  await expect(dot1).toContainText('hết giờ, còn thiếu kết quả');
  await expect(c.getByRole('button', { name: 'Bắt đầu bước 2' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/console-time-out-1366x768.png` });
  await c.getByLabel('Kết quả — Lê Thị Hành Xã Đại Tâm').selectOption('dat');
  await c.getByLabel('Kết quả — Phạm Chứng Xã Đại Tâm').selectOption('khong_dat');
  await expect(c.getByRole('status').filter({ hasText: 'Hết giờ — còn 1 người chưa có kết quả' })).toBeVisible();
  await c.getByLabel('Kết quả — Hoàng Thị Mai Xã Đại Tâm').selectOption('dat');
  await expect(dot1).toHaveClass(/pill--ended/);
  await c.getByRole('button', { name: 'Bắt đầu bước 2' }).click();
  await expect(c.getByRole('timer')).toContainText('Còn lại');

  // A commune arriving late is imported and gets its team while Đại Tâm's step 2 runs.
  await tab(page, 'Danh sách');
  await page.getByLabel('Nhập danh sách (Excel Mẫu 01–05)…').setInputFiles(await rosterFile('Xã Tham Đôn', 10));
  await expect(page.getByText('Đã nhập 5 người.')).toBeVisible();
  await tab(page, 'Đội thi');
  await expect(page.getByText('Đang có 1 đội thi: chỉ lập đội cho các xã chưa có đội')).toBeVisible();
  await page.getByRole('button', { name: 'Lập đội thi theo xã' }).click();
  await expect(page.getByText('Đã lập 1 đội; giữ nguyên 1 đội đã lập.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lập đội thi theo xã' })).toBeDisabled();
  await expect(page.getByText('Các đội đang thi và mọi xã đã có đội.')).toBeVisible();
  // Re-importing the running commune is refused, and the message says why.
  await tab(page, 'Danh sách');
  await page.getByLabel('Nhập danh sách (Excel Mẫu 01–05)…').setInputFiles(await rosterFile('Xã Đại Tâm', 0));
  await expect(page.getByRole('alert').first()).toContainText('tệp có danh sách Mẫu 01–03 của xã đang thi (Xã Đại Tâm)');

  // The room board: a second tab, no login, one card per team, one full-screen button.
  await tab(page, 'Điều hành');
  const [board] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Mở bảng phòng thi (tab mới)' }).click()]);
  await board.setViewportSize({ width: 1920, height: 1080 });
  await expect(board.locator('.board__team')).toHaveCount(2);
  await expect(board.locator('[data-team="Xã Đại Tâm"]')).toContainText('Bước 2');
  await expect(board.locator('[data-team="Xã Tham Đôn"]')).toContainText('Chưa bắt đầu');
  await expect(board.getByRole('button', { name: 'Toàn màn hình' })).toHaveCount(1);
  await expect(board.getByRole('button', { name: 'Thoát toàn màn hình' })).toHaveCount(0);
  await expect(board.getByRole('heading', { name: 'Đăng nhập' })).toHaveCount(0);
  // Fills the screen; the timers are big enough for the back of the room (over 150 px tall).
  const grid = (await board.locator('.board__grid').boundingBox())!;
  expect(grid.height).toBeGreaterThan(850);
  const timer = (await board.locator('[data-team="Xã Đại Tâm"] .board__time').boundingBox())!;
  expect(timer.height).toBeGreaterThan(150);
  await board.screenshot({ path: `${SHOTS}/room-board-1920x1080.png` });
  // The same link works in a fresh browser context (another window, no session at all).
  const other = await context.browser()!.newContext({ viewport: { width: 1920, height: 1080 } });
  const fresh = await other.newPage();
  await fresh.goto(board.url());
  await expect(fresh.locator('.board__team')).toHaveCount(2);
  await other.close();
});
