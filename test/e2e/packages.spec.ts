// The "Gói hồ sơ" page in Chromium on demo data: create the office's signing key, a build refused
// with the pre-submission problems listed, and a package file checked (a non-package refused).
import { test, expect, login } from './fixtures';
import { startServe } from '../helpers/cli';
import { tempDir, cleanup } from '../helpers/services';

test('signing key, a build blocked by the check, and checking a package file', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = tempDir('kc-e2e-pkg-');
  const served = await startServe(dir, { KIEMCHUNG_TEST_HOOKS: '1' }, ['--demo']);
  try {
    await page.goto(served.url);
    await login(page, 'chutich', 'demo-kiemchung');
    await page.getByRole('link', { name: 'Gói hồ sơ' }).click();
    await expect(page.getByText(/Chưa có khóa ký/)).toBeVisible();

    const key = page.getByRole('region', { name: 'Chữ ký số của đơn vị' });
    await key.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill('ngan');
    await key.getByRole('button', { name: 'Tạo khóa ký' }).click();
    await expect(page.getByRole('alert').first()).toContainText('ít nhất 8 ký tự');
    await key.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill('khoa-ky-phu-thuong');
    await key.getByRole('button', { name: 'Tạo khóa ký' }).click();
    await expect(key.getByText('UBND xã Phú Thượng').first()).toBeVisible();
    await expect(key.getByText('Chứng thư tự cấp')).toBeVisible();

    // The demo assessment is half-finished: the build is refused with the list.
    const build = page.getByRole('region', { name: 'Đóng gói và ký' });
    await build.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill('khoa-ky-phu-thuong');
    await build.getByRole('button', { name: 'Đóng gói và ký' }).click();
    await expect(page.getByRole('alert').first()).toContainText('Chưa đóng gói được');
    await expect(page.locator('ul.issues li').first()).toContainText(/—/);

    // A file that is not a package.
    await page.getByLabel('Chọn tệp gói (.zip)…').setInputFiles({ name: 'goi.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 không phải gói hồ sơ') });
    await expect(page.getByTestId('verify-result')).toContainText('Gói hồ sơ KHÔNG hợp lệ');
  } finally {
    await served.stop();
    cleanup(dir);
  }
});
