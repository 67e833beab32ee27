// "Tạo gói kết quả ký số" on the demo round's results tab in Chromium: refused while step 1 runs
// (the list names it), refused again for the teams that have not started, then signed on purpose
// with people unfinished; the package shows up on "Gói hồ sơ" labelled as exam results.
import { test, expect, login } from './fixtures';
import { apiCall, startServe } from '../helpers/cli';
import { tempDir, cleanup } from '../helpers/services';

const PASS = 'khoa-ky-phu-thuong';

test('a leader signs the round’s results into a package from the results tab', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = tempDir('kc-e2e-exampkg-');
  const served = await startServe(dir, { KIEMCHUNG_TEST_HOOKS: '1' }, ['--demo']);
  try {
    const session = (await apiCall(served, 'auth.login', { username: 'chutich', password: 'demo-kiemchung' })).value.token as string;
    expect((await apiCall(served, 'keys.create', { passphrase: PASS, replace: false }, session)).ok).toBe(true);
    const roundId = (await apiCall(served, 'exam.rounds', {}, session)).value[0].id as number;

    await page.goto(served.url);
    await login(page, 'chutich', 'demo-kiemchung');
    await expect(page.getByRole('link', { name: 'Gói hồ sơ', exact: true })).toBeVisible();
    await page.goto(`${served.url}#/exams/${roundId}/results`);
    const panel = page.getByRole('region', { name: 'Gói kết quả ký số' });
    await panel.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill(PASS);
    await panel.getByRole('button', { name: 'Tạo gói kết quả ký số' }).click();
    await expect(panel.getByRole('alert')).toContainText('Chưa đóng gói được kết quả thi');
    await expect(panel.getByRole('list', { name: 'Gói kết quả ký số' })).toContainText(/Đội Phú Thượng: Bước 1 .* đang diễn ra/);
    await expect(panel.getByRole('list', { name: 'Gói kết quả ký số' })).toContainText(/Đội La Hiên: Bước 1 .* chưa bắt đầu/);

    // The proctor ends step 1 (everyone in it is done); La Hiên never comes: sign anyway, on purpose.
    const cons = (await apiCall(served, 'exam.console', { roundId }, session)).value;
    const step1 = cons.teams.find((t: { commune: string }) => t.commune === 'Phú Thượng').steps[0];
    for (const r of step1.records)
      expect((await apiCall(served, 'exam.setResult', { recordId: r.id, result: 'dat', finished: true, note: null }, session)).ok).toBe(true);
    expect((await apiCall(served, 'exam.endStep', { stepId: step1.id }, session)).ok).toBe(true);

    await panel.getByRole('checkbox', { name: /Vẫn ký gói khi còn người chưa xong/ }).check();
    await panel.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill(PASS);
    await panel.getByRole('button', { name: 'Tạo gói kết quả ký số' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Đã tạo gói kết quả' })).toContainText(/KC-\d{4}-PhuThuong-THI-\d+-.*\.zip/);
    await panel.getByRole('link', { name: /Mở trang "Gói hồ sơ"/ }).click();
    await expect(page.getByRole('heading', { name: 'Gói hồ sơ gửi tỉnh' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: /THI-\d+/ })).toContainText('Kết quả thi');
  } finally {
    await served.stop();
    cleanup(dir);
  }
});
