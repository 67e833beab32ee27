// Each test gets its own server process on a fresh data folder, with test hooks on (so the
// clock can be moved). The server's log is attached to the report when a test fails.
import { test as base, expect, type Page } from '@playwright/test';
import { tempDir, cleanup } from '../helpers/services';
import { startServe, type Served } from '../helpers/cli';

export interface AppFixture extends Served {
  dataDir: string;
  /** Opens the app and waits for the first screen to be ready. */
  open(page: Page): Promise<void>;
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({}, use, testInfo) => {
    const dataDir = tempDir('kc-e2e-');
    const served = await startServe(dataDir, { KIEMCHUNG_TEST_HOOKS: '1' });
    let log = '';
    served.proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    await use({
      ...served,
      dataDir,
      open: async (page) => {
        await page.goto(served.url);
        await expect(page.locator('body[data-phase]:not([data-phase="loading"])')).toBeVisible();
      },
    });
    await served.stop();
    if (testInfo.status !== testInfo.expectedStatus && log) await testInfo.attach('server.log', { body: log, contentType: 'text/plain' });
    cleanup(dataDir);
  },
});
export { expect };

export const OFFICE = { province: 'Sóc Trăng', district: 'Mỹ Xuyên', commune: 'Đại Tâm' };
export const LEADER = { fullName: 'Trần Văn An', username: 'chutich', password: 'mat-khau-123' };

/** Fills the first-run screen as a new commune would. */
export async function firstRunSetup(page: Page) {
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  await page.getByLabel('Tỉnh/Thành phố').fill(OFFICE.province);
  await page.getByLabel('Huyện/Quận/Thị xã').fill(OFFICE.district);
  await page.getByLabel('Tên xã/phường/thị trấn').fill(OFFICE.commune);
  await page.getByLabel('Họ và tên').fill(LEADER.fullName);
  await page.getByLabel('Tên đăng nhập').fill(LEADER.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(LEADER.password);
  await page.getByLabel('Nhập lại mật khẩu').fill(LEADER.password);
  await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
  await expect(page.getByText('Đã thiết lập đơn vị. Hãy đăng nhập.')).toBeVisible();
}

export async function login(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
}
