// The "Gói hồ sơ" page in Chromium on demo data: create the office's signing key, a build refused
// with the pre-submission problems listed, and a package file checked (a non-package refused);
// a real package verified and browsed read-only, its evidence opened from inside it.
import { test, expect, login } from './fixtures';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { startServe, repoRoot } from '../helpers/cli';
import { tempDir, cleanup } from '../helpers/services';
import { readZip } from '../helpers/package';

test('signing key, a build blocked by the check, and checking a package file', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = tempDir('kc-e2e-pkg-');
  const served = await startServe(dir, { KIEMCHUNG_TEST_HOOKS: '1' }, ['--demo']);
  try {
    await page.goto(served.url);
    await login(page, 'chutich', 'demo-kiemchung');
    await page.getByRole('link', { name: 'Gói hồ sơ', exact: true }).click();
    await expect(page.getByText(/Chưa có khóa ký/)).toBeVisible();

    const key = page.getByRole('region', { name: 'Chữ ký số của đơn vị' });
    await key.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill('ngan');
    await key.getByRole('button', { name: 'Tạo khóa ký' }).click();
    await expect(page.getByRole('alert').first()).toContainText('ít nhất 8 ký tự');
    await key.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill('khoa-ky-phu-thuong');
    await key.getByRole('button', { name: 'Tạo khóa ký' }).click();
    await expect(key.getByText('UBND xã Phú Thượng').first()).toBeVisible();
    await expect(key.getByText('Chứng thư tự cấp')).toBeVisible();

    // The demo assessment is half-finished: the build is refused with a summary next to the
    // button that links to the check (the key exists now, so it is not mentioned).
    const build = page.getByRole('region', { name: 'Đóng gói và ký' });
    await build.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill('khoa-ky-phu-thuong');
    await build.getByRole('button', { name: 'Đóng gói và ký' }).click();
    const blocked = build.getByTestId('blocked-summary');
    await expect(blocked).toContainText(/Còn \d+ lỗi ở \d+ tiêu chí — xem danh sách/);
    await expect(blocked.getByTestId('blocked-key')).toHaveCount(0);
    await expect(blocked.getByRole('link', { name: 'xem danh sách' })).toHaveAttribute('href', /#\/assessment\/\d+\/precheck$/);
    await expect(page.locator('ul.issues')).toHaveCount(0);

    // A file that is not a package.
    await page
      .getByLabel('Chọn tệp gói (.zip)…')
      .setInputFiles({ name: 'goi.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 không phải gói hồ sơ') });
    await expect(page.getByTestId('verify-result')).toContainText('Gói hồ sơ KHÔNG hợp lệ');
  } finally {
    await served.stop();
    cleanup(dir);
  }
});

// A commune's real signed package (built in a data folder of its own by a child process, as on
// the commune's machine), checked on this machine and browsed read-only: a lĩnh vực expanded, a
// criterion's score with its decimal comma and explanation, and an evidence PDF opened from inside
// the package — the bytes served are exactly those the package's manifest lists.
test('a verified package is browsed read-only and its evidence opened from inside it', async ({ page, context }) => {
  test.setTimeout(150_000);
  const src = tempDir('kc-e2e-commune-');
  const dir = tempDir('kc-e2e-province-');
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/helpers/demo-package-child.ts'), src], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, KIEMCHUNG_LOG: 'warn' },
  });
  expect(child.status, child.stderr).toBe(0);
  const zip = child.stdout.trim().split('\n').pop()!;
  const entries = await readZip(zip);
  const manifest = entries.find((e) => e.name.endsWith('/manifest-sha256.txt'))!.data.toString('utf8');
  const served = await startServe(dir, { KIEMCHUNG_TEST_HOOKS: '1' }, ['--demo']);
  try {
    await page.goto(served.url);
    await login(page, 'chutich', 'demo-kiemchung');
    await page.getByRole('link', { name: 'Gói hồ sơ', exact: true }).click();
    await page.getByLabel('Chọn tệp gói (.zip)…').setInputFiles(zip);
    // Signed by another installation's key: intact, but the signer is not yet confirmed here —
    // an amber warning with the fingerprint to compare by phone, never "hợp lệ".
    const result = page.getByTestId('verify-result');
    await expect(result).toContainText('nội dung nguyên vẹn nhưng người ký chưa được xác nhận');
    await expect(result).toHaveAttribute('data-trust', 'unknown');
    await expect(result).toContainText('gọi điện thoại cho đơn vị gửi');
    await expect(result.getByTestId('signer-fingerprint')).toHaveText(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    await expect(page.getByRole('region', { name: 'Gói đã mở' })).toContainText('Nội dung nguyên vẹn nhưng người ký chưa được xác nhận');
    // The leader compared the fingerprint by phone and trusts the certificate (after a confirm).
    page.once('dialog', (d) => void d.accept());
    await result.getByRole('button', { name: 'Tin cậy chứng thư này' }).click();
    await expect(result).toContainText('Gói hồ sơ hợp lệ, người ký đã biết: UBND xã Phú Thượng');
    await expect(result).toHaveAttribute('data-trust', 'known');
    await expect(page.getByRole('region', { name: 'Chứng thư tin cậy' })).toContainText('chứng thư được tin cậy trên máy này');

    const viewer = page.getByTestId('package-viewer');
    await expect(viewer.getByRole('heading', { name: 'Nội dung gói (chỉ xem)' })).toBeVisible();
    await expect(viewer.getByText('UBND xã Phú Thượng').first()).toBeVisible();
    // Read-only: nothing to type into.
    await expect(viewer.locator('input, textarea, select')).toHaveCount(0);

    // Lĩnh vực 2, collapsed at first, expanded by the reviewer.
    const c22 = viewer.getByRole('group', { name: '2.2 Rà soát và xử lý văn bản sau rà soát' });
    await expect(c22).toHaveCount(0);
    await viewer.locator('summary', { hasText: 'Xây dựng và tổ chức thực thi pháp luật' }).click();
    await expect(c22.getByTestId('score-2.2')).toHaveText('1,5');
    await expect(c22).toContainText('tối đa 1,5');
    await expect(c22).toContainText('Minh chứng cho 2.2: Báo cáo số 25/BC-UBND, trang 2.');
    await expect(c22).toContainText('Đã duyệt');

    // Lĩnh vực 1: criterion 1.1 and its evidence PDF, opened from the package.
    await viewer.locator('summary', { hasText: 'Công tác chỉ đạo, điều hành CCHC' }).click();
    const c11 = viewer.getByRole('group', { name: '1.1 Xây dựng và tổ chức thực hiện kế hoạch CCHC' });
    await expect(c11.getByTestId('score-1.1')).toHaveText('2');
    await expect(c11).toContainText('Kế hoạch CCHC năm ban hành đúng hạn');
    const evidence = c11.getByRole('table', { name: 'Tài liệu kiểm chứng' });
    await expect(evidence).toContainText('05/KH-UBND');
    await expect(evidence).toContainText('10/01/');
    const open = evidence.getByRole('button', { name: /^Mở 1\.1_so 05KH-UBND_KH CCHC nam \d{4}$/ });
    const fileName = (await open.getAttribute('aria-label'))!.slice('Mở '.length);
    const request = context.waitForEvent('request', (r) => r.url().includes('/files/'));
    await open.click();
    const url = (await request).url();
    const res = await page.request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    expect(res.headers()['content-disposition']).toMatch(/^inline/);
    const body = await res.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const line = manifest.split('\n').find((l) => l.endsWith(`/1.1/${fileName}.pdf`))!;
    expect(createHash('sha256').update(body).digest('hex')).toBe(line.slice(0, 64));

    // Listed under "Gói đã mở" and reopened (verified again) after a reload, without a new upload.
    await page.reload();
    const received = page.getByRole('region', { name: 'Gói đã mở' });
    await received.getByRole('button', { name: `Mở lại ${path.basename(zip)}` }).click();
    await expect(page.getByTestId('verify-result')).toContainText('Gói hồ sơ hợp lệ');
    await expect(page.getByTestId('package-viewer').locator('summary', { hasText: 'Công tác chỉ đạo, điều hành CCHC' })).toBeVisible();
  } finally {
    await served.stop();
    cleanup(dir);
    cleanup(src);
  }
});
