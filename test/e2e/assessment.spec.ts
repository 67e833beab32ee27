// The self-assessment end to end in Chromium: criteria set → assessment → assignment → officer
// entry with evidence → return/fix/approve → pre-submission check → summary export → deadline.
import { test, expect, login, logout, type AppFixture } from './fixtures';
import { apiCall } from '../helpers/cli';
import { makeDemoPdf, makeDemoPng } from '../../main/services/demo-files';
import { fakeDocx } from '../helpers/assessment';
import type { Page } from '@playwright/test';

const LEADER = { username: 'chutich', password: 'mat-khau-123' };
const OFFICER = { username: 'huong', password: 'huong-12345', fullName: 'Lê Thị Hương' };
// 10:00 15/09/2023 in Vietnam: inside document 001's window (08:00 14/09 → 17:00 05/10/2023).
const IN_WINDOW = Date.UTC(2023, 8, 15, 3, 0);
const AFTER_CLOSE = Date.UTC(2023, 9, 5, 10, 1);

async function setClock(app: AppFixture, at: number) {
  const r = await apiCall(app, 'test.setClock', { offsetMs: at - Date.now() });
  expect(r.ok).toBe(true);
}

/** Office, leader and one officer through the API (the foundation e2e covers doing it by hand). */
async function seed(app: AppFixture) {
  await apiCall(app, 'office.setup', {
    office: { province: 'Thừa Thiên Huế', district: 'Phú Vang', commune: 'Phú Thượng', kind: 'xa' },
    leader: { fullName: 'Trần Văn An', position: 'Chủ tịch', username: LEADER.username, password: LEADER.password },
  });
  const token = (await apiCall(app, 'auth.login', LEADER)).value.token as string;
  await apiCall(
    app,
    'users.create',
    { fullName: OFFICER.fullName, position: 'Văn phòng - Thống kê', username: OFFICER.username, password: OFFICER.password, roles: ['officer'] },
    token,
  );
  await apiCall(app, 'auth.logout', {}, token);
}

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Các phần' }).getByRole('link', { name, exact: true }).click();

async function openItem(page: Page, code: string) {
  await page.locator(`tr[data-code="${code}"] a`).first().click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${code.replace(/\./g, '\\.')}\\. `) })).toBeVisible();
}

async function fillItem(page: Page, points: string, explanation: string) {
  await page.getByLabel(/Điểm tự chấm/).fill(points);
  await page.getByLabel(/Giải trình/).fill(explanation);
  await expect(page.getByRole('status').filter({ hasText: /Đã lưu lúc/ })).toBeVisible();
}

test('leader assigns, officer enters with evidence, leader returns and approves, summary exported, deadline locks', async ({ page, app }) => {
  test.setTimeout(120_000);
  await seed(app);
  await setClock(app, IN_WINDOW);
  await app.open(page);
  await login(page, LEADER.username, LEADER.password);

  // Criteria set: the bundled sample, with its warnings shown.
  await page.getByRole('link', { name: 'Bộ tiêu chí', exact: true }).click();
  await page.getByRole('button', { name: 'Dùng bộ tiêu chí mẫu (Phú Thượng)' }).click();
  await expect(page.getByText(/Đã nhập "Bộ tiêu chí mẫu/)).toBeVisible();
  await expect(page.locator('li[data-code="4.2.4"]')).toContainText('chưa có điểm tối đa');

  // The year's assessment with document 001's window.
  await page.getByRole('link', { name: 'Tự đánh giá CCHC', exact: true }).click();
  await page.getByRole('button', { name: 'Tạo đợt tự đánh giá' }).click();
  const form = page.getByRole('form', { name: 'Tạo đợt tự đánh giá' });
  await form.getByLabel('Năm đánh giá').fill('2023');
  await form.getByLabel('Bộ tiêu chí').selectOption({ index: 1 });
  // Typed the way the documents write them (dd/mm/yyyy HH:mm), not the browser's native picker.
  await form.getByLabel('Mở lúc (giờ Việt Nam)').fill('14/09/2023 08:00');
  await form.getByLabel('Hết hạn lúc (giờ Việt Nam)').fill('05/10/2023 17:00');
  await form.getByRole('button', { name: 'Tạo' }).click();
  await expect(page.getByRole('heading', { name: /Tự đánh giá năm 2023/ })).toBeVisible();
  await expect(page.getByText('08:00 14/09/2023 → 17:00 05/10/2023')).toBeVisible();

  // Assign three criteria to the officer.
  await tab(page, 'Phân công');
  for (const code of ['1.1', '1.2', '2.1']) await page.getByLabel(`Chọn ${code}`, { exact: true }).check();
  await page.getByLabel('Phân công cho').selectOption({ label: `${OFFICER.fullName} — Văn phòng - Thống kê` });
  await page.getByRole('button', { name: /Phân công các mục đã chọn/ }).click();
  await expect(page.getByText(`Đã phân công 3 tiêu chí cho ${OFFICER.fullName}.`)).toBeVisible();
  await logout(page);

  // The officer: "Việc của tôi" → each item.
  await login(page, OFFICER.username, OFFICER.password);
  await page.getByRole('link', { name: 'Việc của tôi', exact: true }).click();
  await expect(page.getByText('0/3 tiêu chí đã hoàn thành')).toBeVisible();
  await page.getByRole('link', { name: 'Xây dựng và tổ chức thực hiện kế hoạch CCHC' }).click();
  await fillItem(page, '2', 'Kế hoạch CCHC năm 2023 số 05/KH-UBND ngày 10/01/2023, trang 1–3.');

  // A PDF, named by the convention the app proposes.
  const attach = page.getByRole('form', { name: 'Đính kèm tài liệu' });
  await attach
    .getByLabel('Tệp (PDF, JPEG hoặc PNG)')
    .setInputFiles({ name: 'KH 05.pdf', mimeType: 'application/pdf', buffer: await makeDemoPdf(['KẾ HOẠCH Cải cách hành chính năm 2023']) });
  await attach.getByLabel('Số, ký hiệu văn bản (vd. 25/BC-UBND)').fill('05/KH-UBND');
  await attach.getByLabel('Trích yếu').fill('Kế hoạch CCHC năm 2023');
  await expect(attach.getByLabel('Tên tệp theo quy ước')).toHaveValue('1.1_so 05KH-UBND_KH CCHC nam 2023');
  await attach.getByRole('button', { name: 'Tải lên và đính kèm' }).click();
  await expect(page.getByRole('table', { name: 'Tài liệu kiểm chứng' })).toContainText('1.1_so 05KH-UBND_KH CCHC nam 2023');
  // The outcome is said next to the button (issue 12).
  await expect(attach.getByRole('status')).toHaveText('Đã tải lên và gắn tệp “1.1_so 05KH-UBND_KH CCHC nam 2023”.');

  // A Word file renamed .pdf is refused with the rule.
  await attach.getByLabel('Tệp (PDF, JPEG hoặc PNG)').setInputFiles({ name: 'bao cao.pdf', mimeType: 'application/pdf', buffer: fakeDocx() });
  await attach.getByLabel('Trích yếu').fill('Báo cáo');
  await attach.getByRole('button', { name: 'Tải lên và đính kèm' }).click();
  await expect(attach.getByRole('alert').first()).toContainText('Word');
  await expect(attach.getByRole('alert').first()).toContainText('bao cao.pdf');

  // A PNG photo.
  await attach.getByLabel('Tệp (PDF, JPEG hoặc PNG)').setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: makeDemoPng() });
  // A photo of the plan's launch meeting: named under the plan's number (all three parts, doc 001).
  await attach.getByLabel('Số, ký hiệu văn bản (vd. 25/BC-UBND)').fill('05/KH-UBND');
  await attach.getByLabel('Trích yếu').fill('Ảnh hội nghị triển khai');
  await expect(attach.getByLabel('Tên tệp theo quy ước')).toHaveValue('1.1_so 05KH-UBND_Anh hoi nghi trien khai');
  await attach.getByRole('button', { name: 'Tải lên và đính kèm' }).click();
  await expect(page.getByRole('table', { name: 'Tài liệu kiểm chứng' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Hoàn thành' }).click();
  await expect(page.locator('.badge--done').first()).toBeVisible();

  for (const [code, points] of [
    ['1.2', '1'],
    ['2.1', '0,5'],
  ] as const) {
    await page.getByRole('link', { name: '← Quay lại' }).click();
    await openItem(page, code);
    await fillItem(page, points, `Giải trình cho tiêu chí ${code}: Báo cáo số 25/BC-UBND, trang 2.`);
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await expect(page.locator('.badge--done').first()).toBeVisible();
  }
  await logout(page);

  // The leader returns 1.1 with a comment and approves the others.
  await login(page, LEADER.username, LEADER.password);
  await page.getByRole('link', { name: 'Tự đánh giá CCHC', exact: true }).click();
  await page.getByRole('link', { name: 'Năm 2023' }).click();
  await openItem(page, '1.1');
  await page.getByLabel('Lý do trả lại (công chức sẽ thấy)').fill('Cần bản PDF có chữ ký số của kế hoạch.');
  await page.getByRole('button', { name: 'Trả lại' }).click();
  await expect(page.locator('.badge--returned').first()).toBeVisible();
  for (const code of ['1.2', '2.1']) {
    await page.getByRole('link', { name: '← Quay lại' }).click();
    await openItem(page, code);
    await page.getByRole('button', { name: 'Duyệt' }).click();
    await expect(page.locator('.badge--approved').first()).toBeVisible();
  }
  await logout(page);

  // The officer sees the comment, fixes, finishes again.
  await login(page, OFFICER.username, OFFICER.password);
  await page.getByRole('link', { name: 'Việc của tôi', exact: true }).click();
  await expect(page.getByText('Cần bản PDF có chữ ký số của kế hoạch.')).toBeVisible();
  await page.getByRole('link', { name: 'Xây dựng và tổ chức thực hiện kế hoạch CCHC' }).click();
  await page.getByLabel(/Giải trình/).fill('Kế hoạch số 05/KH-UBND (bản ký số), trang 1–3.');
  await expect(page.getByRole('status').filter({ hasText: /Đã lưu lúc/ })).toBeVisible();
  await page.getByRole('button', { name: 'Hoàn thành' }).click();
  await expect(page.locator('.badge--done').first()).toBeVisible();
  await logout(page);

  // The leader approves, checks what is still missing, exports the summary.
  await login(page, LEADER.username, LEADER.password);
  await page.getByRole('link', { name: 'Tự đánh giá CCHC', exact: true }).click();
  await page.getByRole('link', { name: 'Năm 2023' }).click();
  await openItem(page, '1.1');
  await page.getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.locator('.badge--approved').first()).toBeVisible();
  await page.getByRole('link', { name: '← Quay lại' }).click();
  await expect(page.getByTestId('total-points')).toHaveText('3,5');
  await tab(page, 'Kiểm tra trước khi gửi');
  const precheck = page.getByRole('region', { name: 'Kiểm tra trước khi gửi' });
  await expect(precheck.locator('li[data-kind="unassigned"]').first()).toContainText('Chưa phân công');
  // The commune's own plan (05/KH-UBND) as an unsigned PDF: an error under doc 001.
  const unsigned = precheck.locator('li[data-kind="unsigned_pdf"]').first();
  await expect(unsigned).toContainText('1.1_so 05KH-UBND_KH CCHC nam 2023');
  await expect(unsigned).toHaveClass(/precheck--error/);
  await expect(unsigned).toContainText('Lỗi');
  await expect(precheck.locator('li[data-kind="missing_evidence"][data-code="1.2"]')).toHaveCount(1);
  await tab(page, 'Tổng hợp và gửi');
  for (const [label, ext] of [
    ['Xuất Bảng tổng hợp (Excel)', 'xlsx'],
    ['Xuất Bảng tổng hợp (PDF)', 'pdf'],
  ] as const) {
    await page.getByRole('button', { name: label }).click();
    const link = page.getByRole('link', { name: `Bang tong hop tu danh gia CCHC 2023.${ext}` });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`Bang tong hop tu danh gia CCHC 2023.${ext}`);
    expect((await download.createReadStream()).readableLength >= 0).toBe(true);
  }

  // Past the close: the UI is read-only and the API refuses.
  await setClock(app, AFTER_CLOSE);
  await page.reload();
  // Three weeks have passed on the server's clock, so the session has locked too.
  await expect(page.getByRole('heading', { name: 'Phiên làm việc đã khóa' })).toBeVisible();
  await page.getByLabel('Mật khẩu').fill(LEADER.password);
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByTestId('locked-banner')).toContainText('17:00 05/10/2023');
  await tab(page, 'Tiêu chí');
  await openItem(page, '2.2');
  await expect(page.getByLabel(/Điểm tự chấm/)).toBeDisabled();
  await expect(page.getByLabel(/Giải trình/)).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Hoàn thành' })).toHaveCount(0);
  const refused = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="kiemchung-token"]')!.content;
    const session = sessionStorage.getItem('kiemchung.session')!;
    const list = await (
      await fetch('./api/assessment.list', { method: 'POST', headers: { 'x-kiemchung-token': token, 'x-kiemchung-session': session }, body: '{}' })
    ).json();
    const detail = await (
      await fetch('./api/assessment.get', {
        method: 'POST',
        headers: { 'x-kiemchung-token': token, 'x-kiemchung-session': session },
        body: JSON.stringify({ assessmentId: list.value[0].id }),
      })
    ).json();
    const itemId = detail.value.items[0].id;
    return (
      await fetch('./api/item.update', {
        method: 'POST',
        headers: { 'x-kiemchung-token': token, 'x-kiemchung-session': session },
        body: JSON.stringify({ itemId, points: 0 }),
      })
    ).json();
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'DEADLINE' } });
  expect(refused.error.message).toContain('17:00 05/10/2023');
});
