// Issue 12 on the demo office in Chromium at 1366×768: the criteria tree (fold, filter, sticky
// assign bar, parent ticks its children, assign needs an officer, un-assign its own action), the
// header's progress following changes made elsewhere, the summary's total row, the audit page in
// words; on "Gói hồ sơ" an unreachable back end, replacing the signing key, and a typed folder
// that does not exist, told in a toast that stays in view.
import { test as base, expect, login } from './fixtures';
import { apiCall, startServe, type Served } from '../helpers/cli';
import { tempDir, cleanup } from '../helpers/services';
import type { Page } from '@playwright/test';

const SHOTS = process.env.KC_SHOTS;
const PASSWORD = 'demo-kiemchung';

const test = base.extend<{ demo: Served }>({
  demo: async ({}, use) => {
    const dir = tempDir('kc-e2e-daily-');
    const served = await startServe(dir, { KIEMCHUNG_TEST_HOOKS: '1' }, ['--demo']);
    await use(served);
    await served.stop();
    cleanup(dir);
  },
});

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Các phần' }).getByRole('link', { name, exact: true }).click();

async function openAssessment(page: Page) {
  await page.getByRole('link', { name: 'Tự đánh giá CCHC', exact: true }).click();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Tự đánh giá năm/ })).toBeVisible();
}

test('criteria tree, assignment, live progress, summary total and the audit page in words', async ({ page, demo }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demo.url);
  await login(page, 'chutich', PASSWORD);
  await openAssessment(page);

  // The header says what it counts.
  const progress = page.getByTestId('progress-text');
  await expect(progress).toHaveText(/^\d+\/\d+ tiêu chí đã hoàn thành, \d+ đã duyệt/);

  // Tree: fold an area, filter by code or title.
  const rows = page.locator('table.tree tbody tr');
  const total = await rows.count();
  await page.getByRole('button', { name: 'Thu gọn lĩnh vực 1' }).click();
  await expect(page.locator('tr[data-code="1.1"]')).toHaveCount(0);
  await expect(page.locator('tr[data-code="1"]')).toBeVisible();
  await page.getByRole('button', { name: 'Mở lĩnh vực 1' }).click();
  await expect(page.locator('tr[data-code="1.1"]')).toBeVisible();
  await page.getByLabel('Tìm theo mã hoặc tên').fill('3.2');
  await expect(page.locator('tr[data-code="3"]')).toBeVisible();
  await expect(page.locator('tr[data-code="3.2"]')).toBeVisible();
  await expect(page.locator('tr[data-code="1.1"]')).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(total);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/criteria-tree-filtered.png` });
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await expect(rows).toHaveCount(total);

  // Assignment: nobody chosen yet, so the button waits; ticking an area ticks its criteria.
  await tab(page, 'Phân công');
  const bar = page.locator('.assign-bar');
  await expect(bar.getByLabel('Phân công cho')).toHaveValue('');
  await page.getByLabel('Chọn 8', { exact: true }).check();
  await expect(page.getByLabel('Chọn 8.5', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Chọn 8.1', { exact: true })).toBeChecked();
  await expect(bar.getByRole('button', { name: /Phân công các mục đã chọn/ })).toBeDisabled();
  await expect(page.getByRole('table').getByRole('columnheader', { name: 'Người thực hiện' })).toBeVisible();
  // The bar follows the selection down the long tree.
  await page.locator('tr[data-code="8.5"]').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 4000);
  await expect(bar).toBeInViewport();
  await expect(page.getByRole('table').getByRole('columnheader', { name: 'Người thực hiện' })).toBeInViewport();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/criteria-tree-assign.png` });
  await bar.getByLabel('Phân công cho').selectOption({ label: 'Hoàng Thị Mai — Tài chính - Kế toán' });
  await bar.getByRole('button', { name: /Phân công các mục đã chọn/ }).click();
  await expect(bar.getByText(/^Đã phân công \d+ tiêu chí cho Hoàng Thị Mai\.$/)).toBeVisible();
  // Un-assigning is its own action and says so.
  await page.getByLabel('Chọn 8.5', { exact: true }).check();
  await bar.getByRole('button', { name: 'Bỏ phân công các mục đã chọn' }).click();
  await expect(bar.getByText('Đã bỏ phân công 1 tiêu chí.')).toBeVisible();
  await page.getByLabel('Người được phân công', { exact: true }).selectOption({ label: 'Chưa phân công' });
  await expect(page.locator('tr[data-code="8.5"]')).toBeVisible();
  await expect(page.locator('tr[data-code="8.4"]')).toHaveCount(0);

  // Another leader approves a finished criterion elsewhere: the header follows without a reload.
  const before = (await progress.textContent())!;
  const approved = Number(/, (\d+) đã duyệt/.exec(before)![1]);
  const other = (await apiCall(demo, 'auth.login', { username: 'phochutich', password: PASSWORD })).value.token as string;
  const list = (await apiCall(demo, 'assessment.list', {}, other)).value as { id: number }[];
  const detail = (await apiCall(demo, 'assessment.get', { assessmentId: list[0]!.id }, other)).value as { items: { id: number; status: string }[] };
  const done = detail.items.find((i) => i.status === 'done')!;
  expect((await apiCall(demo, 'item.approve', { itemId: done.id }, other)).ok).toBe(true);
  await expect(progress).toContainText(`, ${approved + 1} đã duyệt`);

  // The summary's area table ends with the total and the rating, as the document does.
  await tab(page, 'Tổng hợp và gửi');
  await expect(page.getByTestId('area-total')).toContainText('TỔNG CỘNG');
  await expect(page.getByTestId('area-total')).toContainText(/100/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/summary-tab.png`, fullPage: true });

  // The audit page: people, criteria and times in words; it fits the laptop's screen.
  await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
  const audit = page.getByRole('table', { name: 'Nhật ký thay đổi' });
  await expect(audit).toBeVisible();
  await expect(audit).toContainText(/Tiêu chí 1\.2 — năm \d{4}/);
  await expect(audit).toContainText('Mã tiêu chí');
  await expect(audit).toContainText('Hoàng Thị Mai');
  const text = (await audit.textContent())!;
  expect(text).not.toMatch(/\bitem\b|exam_step|teamId|assigneeId|assigneeUserId|#\d{4}:|\b1\d{12}\b/);
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit.png` });
});

test('Gói hồ sơ: unreachable back end, replacing the key, a typed folder that does not exist', async ({ page, demo }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demo.url);
  await login(page, 'chutich', PASSWORD);
  const key = page.getByRole('region', { name: 'Chữ ký số của đơn vị' });

  // The key's status cannot be read: an error, never "Chưa có khóa ký" (which invites a new key).
  await page.route('**/api/keys.status', (r) => r.abort());
  await page.getByRole('link', { name: 'Gói hồ sơ', exact: true }).click();
  await expect(key.getByRole('alert')).toContainText('Không đọc được thông tin khóa ký');
  await expect(key.getByText(/Chưa có khóa ký/)).toHaveCount(0);
  await page.unroute('**/api/keys.status');
  await page.reload();
  await expect(key.getByText(/Chưa có khóa ký/)).toBeVisible();

  const pass = key.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)');
  await pass.fill('khoa-ky-phu-thuong');
  await key.getByRole('button', { name: 'Tạo khóa ký' }).click();
  await expect(key.getByText('Chứng thư tự cấp')).toBeVisible();
  const first = (await key.locator('code').first().textContent())!;

  // A second key: asked first, with what happens to packages signed before.
  await pass.fill('khoa-ky-phu-thuong');
  await key.getByRole('button', { name: 'Tạo khóa ký' }).click();
  const ask = key.getByRole('alertdialog');
  await expect(ask).toContainText('Đơn vị đã có khóa ký. Tạo khóa mới?');
  await expect(ask).toContainText('chỉ với chứng thư cũ');
  await ask.getByRole('button', { name: 'Hủy' }).click();
  await expect(ask).toHaveCount(0);
  await expect(key.locator('code').first()).toHaveText(first);
  await key.getByRole('button', { name: 'Tạo khóa ký' }).click();
  await key.getByRole('alertdialog').getByRole('button', { name: 'Tạo khóa mới, giữ chứng thư cũ' }).click();
  await expect(key.getByRole('status')).toContainText('Chứng thư cũ');
  await expect(key.locator('code').first()).not.toHaveText(first);
  // The old certificate stays trusted here, so packages signed with it still check as known.
  const token = (await apiCall(demo, 'auth.login', { username: 'chutich', password: PASSWORD })).value.token as string;
  const trusted = (await apiCall(demo, 'trust.list', {}, token)).value as { fingerprint: string; source: string }[];
  const norm = (f: string) => f.replace(/[^0-9a-f]/gi, '').toLowerCase();
  expect(trusted.some((t) => norm(t.fingerprint) === norm(first))).toBe(true);

  // A typed folder that does not exist: said so, in a toast in view, not "thẻ nhớ bị rút ra".
  await page.getByLabel('Hoặc thư mục').fill('/home/khong-co-thu-muc-nay/Ho so');
  await page.getByRole('button', { name: 'Xuất từng tệp để tải lên cổng của tỉnh' }).click();
  const toast = page.locator('.toast');
  await expect(toast).toContainText('không tồn tại');
  await expect(toast).not.toContainText('rút ra');
  await expect(toast).toBeInViewport();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/packages-toast.png` });
  await toast.getByRole('button', { name: 'Đóng' }).click();
  await expect(toast).toHaveCount(0);
});
