// Sending to the province in Chromium: enroll in Cài đặt → Kết nối với tỉnh, "Gửi báo cáo" while
// the receiver is down ("Đang chờ mạng"), the receiver comes up, the upload's progress, the
// receipt — and all of it still there after a page reload. A real receiver process on 127.0.0.1.
import { test, expect, login } from './fixtures';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { apiCall, repoRoot } from '../helpers/cli';
import { tempDir, cleanup } from '../helpers/services';
import { startReceiver, startServe, enrollCode, useSnapshot, dropSnapshot, type RunningReceiver } from '../helpers/sync-receiver';

const OFFICE = 'Thái Nguyên/Võ Nhai/Phú Thượng';
const KEY_PASS = 'khoa-ky-xa-phu-thuong'; // test/helpers/demo-package.ts DEMO_KEY_PASS

test('enroll, send with the receiver down, delivered when it comes up, receipt kept across a reload', async ({ page }) => {
  test.setTimeout(150_000);
  // The receiver and the app run from a copy of dist/ (built by `npm run test:e2e`), safe from a concurrent rebuild.
  useSnapshot();
  const dir = tempDir('kc-e2e-sync-');
  const rDir = tempDir('kc-e2e-recv-');
  // The demo assessment completed and a signing key made, as a commune would (a child process).
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/helpers/demo-package-child.ts'), dir], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, KIEMCHUNG_LOG: 'warn' },
  });
  expect(child.status, child.stderr).toBe(0);
  let r: RunningReceiver | null = await startReceiver(rDir);
  const port = r.port;
  // Paced so the progress can be seen; retries every fraction of a second.
  const served = await startServe(dir, {
    KIEMCHUNG_SYNC_BACKOFF_MS: '300',
    KIEMCHUNG_SYNC_CHUNK: String(128 * 1024),
    KIEMCHUNG_SYNC_THROTTLE: String(256 * 1024),
  });
  page.on('dialog', (d) => void d.accept());
  try {
    await page.goto(served.url);
    await login(page, 'chutich', 'demo-kiemchung');

    // Cài đặt → Kết nối với tỉnh
    await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
    const conn = page.getByRole('region', { name: 'Kết nối với tỉnh' });
    await conn.getByLabel('Địa chỉ máy chủ tiếp nhận').fill(r.url);
    await conn.getByLabel('Mã đăng ký').fill('SAI0-MA00-DANG-KY00');
    await conn.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(conn.getByRole('alert')).toContainText('Mã đăng ký không đúng');
    await conn.getByLabel('Mã đăng ký').fill(enrollCode(rDir, OFFICE));
    await conn.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(conn.getByText(`Đã đăng ký với tỉnh cho: ${OFFICE}`).first()).toBeVisible();
    await expect(conn.getByTestId('receiver-fingerprint')).toHaveText(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    await expect(conn.getByTestId('last-contact')).toHaveText(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);

    // The receiver goes down; the report is sent anyway and waits in the outbox.
    await r.stop();
    r = null;
    const session = (await apiCall(served, 'auth.login', { username: 'chutich', password: 'demo-kiemchung' })).value.token as string;
    const id = (await apiCall(served, 'assessment.list', {}, session)).value[0].id as number;
    await page.goto(`${served.url}#/assessment/${id}/summary`);
    await expect(page.getByText('Chưa kết nối với tỉnh')).toHaveCount(0);
    await page.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill(KEY_PASS);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const delivery = page.getByTestId('report-delivery');
    await expect(delivery).toContainText('Đang chờ mạng', { timeout: 30_000 });
    await expect(delivery).toContainText('Không kết nối được máy chủ tiếp nhận');
    await expect(page.getByText('Đã gửi lúc')).toHaveCount(0);

    // The receiver comes back: progress, then the receipt.
    r = await startReceiver(rDir, port);
    await expect(delivery).toContainText('Đang gửi', { timeout: 30_000 });
    await expect(delivery.getByRole('progressbar')).toBeVisible();
    await expect(delivery).toContainText(/MB \/ [\d,]+ MB/);
    await expect(delivery).toContainText('Đã gửi', { timeout: 60_000 });
    await expect(delivery).toContainText(/Biên nhận \S+ · tỉnh nhận lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

    await page.reload();
    await expect(page.getByTestId('report-delivery')).toContainText(/Đã gửi.*Biên nhận/);
    // Gói hồ sơ shows the outbox row too.
    await page.getByRole('link', { name: 'Gói hồ sơ', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Hộp thư đi (gửi lên tỉnh)' })).toContainText(/Đã gửi.*Biên nhận/);
  } finally {
    await served.stop();
    await r?.stop();
    cleanup(dir);
    cleanup(rDir);
    dropSnapshot();
  }
});

test('exam results: "Ký và gửi lên tỉnh" signs the round and delivers it through the same outbox', async ({ page }) => {
  test.setTimeout(150_000);
  useSnapshot();
  const dir = tempDir('kc-e2e-exam-sync-');
  const rDir = tempDir('kc-e2e-exam-recv-');
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/helpers/demo-package-child.ts'), dir], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, KIEMCHUNG_LOG: 'warn' },
  });
  expect(child.status, child.stderr).toBe(0);
  const r = await startReceiver(rDir);
  const served = await startServe(dir, { KIEMCHUNG_SYNC_BACKOFF_MS: '300' });
  try {
    const session = (await apiCall(served, 'auth.login', { username: 'chutich', password: 'demo-kiemchung' })).value.token as string;
    const roundId = (await apiCall(served, 'exam.rounds', {}, session)).value[0].id as number;
    // The demo round has a step running: the results are signed once it has ended.
    const board = (await apiCall(served, 'exam.console', { roundId }, session)).value as { teams: { steps: { id: number; phase: string }[] }[] };
    for (const team of board.teams)
      for (const st of team.steps) if (st.phase === 'running') expect((await apiCall(served, 'exam.endStep', { stepId: st.id }, session)).ok).toBe(true);

    await page.goto(served.url);
    await login(page, 'chutich', 'demo-kiemchung');
    // Not connected yet: the panel says the results go by USB, and offers no sending.
    await page.goto(`${served.url}#/exams/${roundId}/results`);
    const panel = page.getByRole('region', { name: 'Gói kết quả ký số' });
    await expect(panel.getByTestId('exam-delivery')).toContainText('phải nộp bằng USB');
    await expect(panel.getByRole('button', { name: 'Ký và gửi lên tỉnh' })).toHaveCount(0);

    expect((await apiCall(served, 'sync.enroll', { url: r.url, code: enrollCode(rDir, OFFICE) }, session)).ok).toBe(true);
    await page.reload();
    await panel.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill(KEY_PASS);
    await panel.getByRole('checkbox').check();
    await panel.getByRole('button', { name: 'Ký và gửi lên tỉnh' }).click();
    await expect(panel).toContainText('và đưa vào hộp thư đi', { timeout: 60_000 });
    await expect(panel).toContainText(/Đã gửi.*Biên nhận \S+ · tỉnh nhận lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/, { timeout: 60_000 });
    await page.setViewportSize({ width: 1366, height: 768 });
    if (process.env.KC_SCREENSHOTS) await panel.screenshot({ path: path.join(process.env.KC_SCREENSHOTS, 'exam-send.png') });
    // The province holds it, accepted, as an exam-results package.
    const outbox = (await apiCall(served, 'sync.status', {}, session)).value.outbox as { kind: string; refId: number; state: string }[];
    expect(outbox.find((o) => o.kind === 'exam')).toMatchObject({ refId: roundId, state: 'sent' });
  } finally {
    await served.stop();
    await r.stop();
    cleanup(dir);
    cleanup(rDir);
    dropSnapshot();
  }
});
