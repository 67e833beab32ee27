// Office network mode in Chromium: the app served over HTTPS on 127.0.0.2 (standing for the
// office LAN) by a real `kiemchung serve --lan`, used from separate browser contexts as separate
// PCs. The certificate is self-issued, so the contexts accept it (a person compares the short code).
import { test, expect, type Browser, type Page } from '@playwright/test';
import { cleanup, tempDir } from '../helpers/services';
import { localCall, startLanServe, type LanServed } from '../helpers/lan';
import { DEMO_PASSWORD } from '../../main/services/demo';

test.setTimeout(120_000);

/** A PC logged in. */
async function pcLoggedIn(browser: Browser, srv: LanServed, username: string): Promise<Page> {
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await ctx.newPage();
  await page.goto(srv.lanUrl);
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('body[data-phase="app"]')).toBeVisible();
  return page;
}

/** Opens a screen and waits until its event stream is open (live updates are then on their way, not lost). */
async function openLive(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('body[data-events="open"]')).toBeAttached();
}

/** The demo assessment and one of Lê Thị Hương's criteria, read on the serving PC. */
async function criterion(srv: LanServed, code: string) {
  const leader = await localCall(srv, 'auth.login', { username: 'chutich', password: DEMO_PASSWORD });
  const [a] = (await localCall(srv, 'assessment.list', {}, leader.value.token)).value as { id: number }[];
  const detail = (await localCall(srv, 'assessment.get', { assessmentId: a!.id }, leader.value.token)).value;
  const item = (detail.items as { id: number; criterionCode: string }[]).find((i) => i.criterionCode === code)!;
  return { assessmentId: a!.id, itemId: item.id, token: leader.value.token as string };
}

const pointsField = (page: Page) => page.getByLabel(/^Điểm tự chấm/);
const explanationField = (page: Page) => page.getByLabel(/^Giải trình/);

let dir: string;
let srv: LanServed;
test.beforeEach(async () => {
  dir = tempDir('kc-e2e-lan-');
  srv = await startLanServe(dir, { demo: true });
});
test.afterEach(async () => {
  await srv.stop();
  cleanup(dir);
});

test('two PCs save the same criterion: the second sees who saved it and both values; the leader follows live', async ({ browser }) => {
  const { assessmentId, itemId } = await criterion(srv, '1.3');
  const leader = await pcLoggedIn(browser, srv, 'chutich');
  const huong = await pcLoggedIn(browser, srv, 'vanphong');
  const lan = await pcLoggedIn(browser, srv, 'phochutich');
  await openLive(leader, `${srv.lanUrl}#/assessment/${assessmentId}`);
  const total = leader.getByTestId('total-points');
  await expect(total).toBeVisible();
  const before = await total.textContent();
  for (const p of [huong, lan]) {
    await openLive(p, `${srv.lanUrl}#/assessment/${assessmentId}/item/${itemId}`);
    await expect(pointsField(p)).toBeEditable();
  }
  // Lan starts typing her explanation first; Hương saves a score meanwhile.
  await explanationField(lan).fill('Theo Báo cáo số 30/BC-UBND, mục II.');
  await pointsField(huong).fill('1,5');
  await pointsField(huong).press('Tab');
  await expect(huong.getByText(/^Đã lưu lúc/)).toBeVisible();

  // The leader's total follows without a reload.
  await expect(total).not.toHaveText(before!);

  // Lan's save was typed on the old copy: refused, with who and when, and both values.
  await pointsField(lan).fill('0,5');
  await pointsField(lan).press('Tab');
  const conflict = lan.getByRole('alert').filter({ hasText: 'tải lại để xem' });
  await expect(conflict).toContainText(/Đ\/c Lê Thị Hương vừa sửa mục này lúc \d{2}:\d{2} — tải lại để xem/);
  const table = conflict.getByRole('table', { name: 'Có người vừa sửa tiêu chí này' });
  await expect(table.getByRole('row', { name: /Điểm tự chấm/ })).toContainText('1,5');
  await expect(table.getByRole('row', { name: /Điểm tự chấm/ })).toContainText('0,5');
  // Nothing was overwritten on the server.
  const { token } = await criterion(srv, '1.3');
  const detail = (await localCall(srv, 'assessment.get', { assessmentId }, token)).value;
  expect((detail.items as { id: number; points: number | null }[]).find((i) => i.id === itemId)!.points).toBe(1.5);
  // Reloading shows what Hương saved.
  await conflict.getByRole('button', { name: 'Tải lại bản đã lưu' }).click();
  await expect(pointsField(lan)).toHaveValue('1,5');
  await expect(conflict).toBeHidden();
});

test('the office server stops mid-edit: the officer is told at once, keeps the text, and it is saved when the server is back', async ({ browser }) => {
  const { assessmentId, itemId } = await criterion(srv, '1.4');
  const huong = await pcLoggedIn(browser, srv, 'vanphong');
  await openLive(huong, `${srv.lanUrl}#/assessment/${assessmentId}/item/${itemId}`);
  await expect(explanationField(huong)).toBeEditable();
  const port = srv.lanPort;

  await srv.stop();
  await expect(huong.getByRole('alert').filter({ hasText: 'Mất kết nối tới máy chủ văn phòng' })).toBeVisible();
  const text = 'Quyết định số 15/QĐ-UBND ngày 02/02, điều 3; bản PDF có chữ ký số.';
  await explanationField(huong).fill(text);
  await explanationField(huong).press('Tab');
  await expect(huong.getByText('Chưa lưu được (mất kết nối) — đang giữ trên máy này, sẽ tự gửi lại.')).toBeVisible();
  await expect(explanationField(huong)).toHaveValue(text);

  // The same PC, the same data folder, the same address: the officer's screen sends the text by itself.
  srv = await startLanServe(dir, { lanPort: port });
  await expect(huong.getByText(/^Đã lưu lúc/)).toBeVisible({ timeout: 20_000 });
  await expect(huong.getByRole('alert').filter({ hasText: 'Mất kết nối' })).toBeHidden();
  const { token } = await criterion(srv, '1.4');
  const detail = (await localCall(srv, 'assessment.get', { assessmentId }, token)).value;
  expect((detail.items as { id: number; explanation: string }[]).find((i) => i.id === itemId)!.explanation).toBe(text);
});
