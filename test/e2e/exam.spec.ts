// Exam day end to end in Chromium, with the server's test clock (never real 15-minute waits):
// roster XLSX → round → teams → step 1 with appointment codes (a fifth is refused) → step 2 sees
// them → reload and server restart mid-step keep the right remaining time → an Internet failure
// fails the step → results exported → the room board.
import { test, expect, login } from './fixtures';
import { PROCTOR, T0, officeWithProctor, openTab as tab, rosterXlsx, setClock, teamCard } from './exam-helpers';
import { startServe } from '../helpers/cli';
import type { Page } from '@playwright/test';

const team = (commune: string) => [
  { fullName: `Trần Văn Chủ`, gender: 'nam' as const, birthYear: 1975, positionTitle: 'Chủ tịch', commune, phone: '0912000001' },
  { fullName: `Lê Thị Hương`, gender: 'nu' as const, birthYear: 1988, positionTitle: 'Văn phòng - Thống kê', commune, phone: '0912000002' },
  { fullName: `Phạm Văn Đức`, gender: 'nam' as const, birthYear: 1990, positionTitle: 'Tư pháp - Hộ tịch', commune, phone: '0912000003' },
  { fullName: `Hoàng Thị Mai`, gender: 'nu' as const, birthYear: 1992, positionTitle: 'Tài chính - Kế toán', commune, phone: '0912000004' },
];

const rosterFiles = async () => [
  await rosterXlsx('01', team('Đại Tâm').slice(0, 1), 'Mau 01.xlsx'),
  await rosterXlsx('02', team('Đại Tâm').slice(1), 'Mau 02.xlsx'),
];

const card = (page: Page) => teamCard(page, 'Đại Tâm');

test('proctor runs a team through the steps with codes, reload and restart mid-step, an incident, results', async ({ page, app }) => {
  test.setTimeout(120_000);
  await officeWithProctor(app);
  await setClock(app, T0);

  await app.open(page);
  await login(page, PROCTOR.username, PROCTOR.password);
  await page.getByRole('link', { name: 'Kiểm tra năng lực', exact: true }).click();
  await page.getByRole('button', { name: 'Tạo đợt kiểm tra' }).click();
  const form = page.getByRole('form', { name: 'Tạo đợt kiểm tra' });
  await form.getByLabel('Tên đợt').fill('Đợt 1 năm 2023 — Mỹ Xuyên');
  await form.getByLabel('Ngày kiểm tra').fill('20/09/2023');
  await form.getByLabel('Địa điểm').fill('Hội trường UBND huyện Mỹ Xuyên');
  await form.getByRole('button', { name: 'Tạo' }).click();
  await expect(page.getByRole('heading', { name: 'Đợt 1 năm 2023 — Mỹ Xuyên' })).toBeVisible();

  // Rosters from the official forms.
  for (const f of await rosterFiles()) {
    await page.getByLabel('Nhập danh sách (Excel Mẫu 01–05)…').setInputFiles(f);
    await expect(page.getByText(/Đã nhập \d+ người/)).toBeVisible();
  }
  await expect(page.getByRole('table', { name: 'Mẫu 02 — Công chức tham gia' })).toContainText('Lê Thị Hương');

  await tab(page, 'Đội thi');
  await page.getByRole('button', { name: 'Lập đội thi theo xã' }).click();
  await expect(page.getByText('Đã lập 1 đội')).toBeVisible();

  // Step 1.
  await tab(page, 'Điều hành');
  await card(page).getByRole('button', { name: 'Bắt đầu bước 1' }).click();
  await expect(card(page).getByTestId('remaining')).toHaveText(/^1[45]:\d\d$/);
  // The step dots are read out, not only coloured.
  const dots = card(page).getByRole('list', { name: 'Các bước thi' }).getByRole('listitem');
  await expect(dots).toHaveCount(4);
  await expect(dots.nth(0)).toContainText('Bước 1: đang làm, bước đang xem');
  await expect(dots.nth(1)).toContainText('Bước 2: chưa bắt đầu');
  const codes = card(page).getByLabel('Mã lịch hẹn (tối đa 4, mỗi dòng một mã) — Lê Thị Hương');
  await codes.fill(['G22.99-230920-0001', 'G22.99-230920-0002', 'G22.99-230920-0003', 'G22.99-230920-0004', 'G22.99-230920-0005'].join('\n'));
  await card(page).locator('tr[data-person="Lê Thị Hương"]').getByRole('button', { name: 'Lưu mã' }).click();
  await expect(card(page).getByRole('alert').filter({ hasText: 'mã thứ 5 không được nhận' })).toBeVisible();
  await codes.fill(['G22.99-230920-0001', 'G22.99-230920-0002', 'G22.99-230920-0003', 'G22.99-230920-0004'].join('\n'));
  await card(page).locator('tr[data-person="Lê Thị Hương"]').getByRole('button', { name: 'Lưu mã' }).click();
  await expect(card(page).getByRole('alert')).toHaveCount(0);
  for (const name of ['Lê Thị Hương', 'Phạm Văn Đức', 'Hoàng Thị Mai']) {
    await card(page).getByLabel(`Kết quả — ${name}`).selectOption('dat');
    await expect(card(page).getByLabel(`Kết quả — ${name}`)).toHaveValue('dat');
  }
  await setClock(app, T0 + 12 * 60_000);
  await card(page).getByRole('button', { name: 'Kết thúc bước (mọi người đã xong)' }).click();

  // Step 2: the codes are handed on.
  await card(page).getByRole('button', { name: 'Bắt đầu bước 2' }).click();
  await expect(card(page).getByText('Mã lịch hẹn từ bước 1:')).toBeVisible();
  await expect(card(page).locator('.handed-codes code')).toHaveText(['G22.99-230920-0001', 'G22.99-230920-0002', 'G22.99-230920-0003', 'G22.99-230920-0004']);

  // 10 minutes later, a reload: 5 minutes left, from the stored deadline.
  await setClock(app, T0 + 22 * 60_000);
  await page.reload();
  await expect(card(page).getByTestId('remaining')).toHaveText(/^0[45]:\d\d$/);
  await expect(card(page).getByRole('timer')).toHaveClass(/timer--warn5/);

  // The server is restarted mid-step (same data folder): still the right time.
  await app.stop();
  const again = await startServe(app.dataDir, { KIEMCHUNG_TEST_HOOKS: '1' });
  try {
    await setClock(again, T0 + 23 * 60_000);
    await page.goto(`${again.url}#/exams/1/console`);
    await login(page, PROCTOR.username, PROCTOR.password);
    await expect(card(page).getByTestId('remaining')).toHaveText(/^0[34]:\d\d$/);

    // An Internet failure at the venue: recorded with its time, the step fails.
    await card(page).getByRole('button', { name: 'Ghi sự cố' }).click();
    const incident = page.getByRole('form', { name: 'Ghi sự cố — Đại Tâm' });
    await incident.getByLabel('Mô tả sự cố').fill('Mất kết nối Internet tại phòng thi');
    await incident.getByRole('button', { name: 'Ghi sự cố' }).click();
    // It asks first, naming whom it fails.
    const confirm = card(page).getByRole('alertdialog', { name: 'Xác nhận ghi sự cố mất kết nối Internet' });
    await expect(confirm).toContainText('Bước 2 của đội Đại Tâm sẽ bị đánh giá KHÔNG ĐẠT cho: Phạm Văn Đức.');
    await confirm.getByRole('button', { name: 'Xác nhận: ghi sự cố, bước không đạt' }).click();
    await expect(card(page).getByText('Đã ghi sự cố; không đạt: Phạm Văn Đức.')).toBeVisible();
    await expect(card(page).getByText('Không đạt do sự cố Internet')).toBeVisible();
    // The step's clock stopped.
    await expect(card(page).getByRole('timer')).toContainText('Dừng do sự cố Internet');
    await expect(card(page).getByText(/Mất kết nối Internet: Mất kết nối Internet tại phòng thi/)).toBeVisible();

    // Results and exports.
    await tab(page, 'Kết quả');
    await expect(page.locator('tr[data-person="Phạm Văn Đức"]')).toContainText('Không đạt');
    for (const [label, ext] of [
      ['Xuất Excel', 'xlsx'],
      ['Xuất PDF', 'pdf'],
    ] as const) {
      await page.getByRole('button', { name: label }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Ket qua kiem tra nang luc.${ext}` }).click()]);
      expect(download.suggestedFilename()).toBe(`Ket qua kiem tra nang luc.${ext}`);
    }

    // The room board.
    await page.goto(`${again.url}#/exams/1/board`);
    await expect(page.locator('[data-team="Đại Tâm"]')).toContainText('Bước 2');
    await expect(page.locator('[data-team="Đại Tâm"]')).toContainText('Không đạt do sự cố Internet');
  } finally {
    await again.stop();
  }
});
