// "Kiểm tra trước khi gửi" on the demo at 1366×768: grouped by area and criterion, errors first and
// labelled "Lỗi" (not colour alone), filtered to errors, a line followed to its criterion; a
// blocked "Gửi báo cáo" and "Đóng gói và ký" summarised next to the button (no key named first).
import { test, expect, login } from './fixtures';
import { startServe } from '../helpers/cli';
import { tempDir, cleanup } from '../helpers/services';

test('the check on the demo: grouped, errors first, filtered, linked; blocked actions summarised', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const dir = tempDir('kc-e2e-precheck-');
  const served = await startServe(dir, { KIEMCHUNG_TEST_HOOKS: '1' }, ['--demo']);
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(served.url);
    await login(page, 'chutich', 'demo-kiemchung');
    await page.getByRole('link', { name: 'Tự đánh giá CCHC', exact: true }).click();
    await page
      .getByRole('link', { name: /^Năm \d{4}/ })
      .first()
      .click();
    await page.getByRole('navigation', { name: 'Các phần' }).getByRole('link', { name: 'Kiểm tra trước khi gửi', exact: true }).click();

    const check = page.getByRole('region', { name: 'Kiểm tra trước khi gửi' });
    await expect(check.getByTestId('precheck-totals')).toContainText(/\d+ lỗi phải sửa ở \d+ tiêu chí · \d+ cảnh báo/);
    // Grouped: area headings with counts, criteria under them.
    const firstArea = check.locator('section.precheck-area').first();
    await expect(firstArea.getByRole('heading', { level: 3 })).toContainText(/^\d+\. .+ \d+ lỗi/);
    // Errors first, with the word, in every criterion.
    const lines = check.locator('li[data-kind]');
    await expect(lines.first()).toHaveClass(/precheck--error/);
    await expect(lines.first().locator('.sev')).toHaveText(/Lỗi/);
    const warnings = check.locator('li.precheck--warning');
    expect(await warnings.count()).toBeGreaterThan(0);
    await expect(warnings.first().locator('.sev')).toHaveText(/Cảnh báo/);
    for (const block of await check.locator('li.precheck-criterion').all()) {
      const kinds = await block.locator('li[data-kind]').evaluateAll((els) => els.map((e) => (e.classList.contains('precheck--error') ? 'e' : 'w')).join(''));
      expect(kinds).toMatch(/^e*w*$/);
    }
    // No double stops.
    expect(await check.innerText()).not.toMatch(/\.\)\.|\.\./);
    await page.screenshot({ path: testInfo.outputPath('precheck-1366x768.png') });

    // Filters: errors only; "my criteria" (the chairman has none assigned).
    await check.getByLabel('Chỉ hiện lỗi').check();
    await expect(warnings).toHaveCount(0);
    expect(await lines.count()).toBeGreaterThan(0);
    await check.getByLabel('Chỉ tiêu chí được phân công cho tôi').check();
    await expect(check.getByText('Không có dòng nào khớp bộ lọc.')).toBeVisible();
    await check.getByLabel('Chỉ tiêu chí được phân công cho tôi').uncheck();

    // A line leads to the criterion it names.
    const first = check.locator('li.precheck-criterion').first();
    const code = (await first.getAttribute('data-code'))!;
    await first.locator('li[data-kind] a').first().click();
    await expect(page).toHaveURL(/#\/assessment\/\d+\/item\/\d+$/);
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${code.replace(/\./g, '\\.')}\\. `) })).toBeVisible();

    // "Gửi báo cáo" blocked: a summary next to the button, linking to the check; no pile of lines.
    await page.getByRole('link', { name: '← Quay lại' }).click();
    await page.getByRole('navigation', { name: 'Các phần' }).getByRole('link', { name: 'Tổng hợp và gửi', exact: true }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const summary = page.getByTestId('blocked-summary');
    await expect(summary).toContainText(/Còn \d+ lỗi ở \d+ tiêu chí — xem danh sách/);
    await expect(page.locator('ul.issues')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('send-blocked-1366x768.png') });
    await summary.getByRole('link', { name: 'xem danh sách' }).click();
    await expect(page).toHaveURL(/#\/assessment\/\d+\/precheck$/);
    await expect(check.locator('li[data-kind]').first()).toBeVisible();
    // Moving on clears it.
    await page.getByRole('navigation', { name: 'Các phần' }).getByRole('link', { name: 'Tổng hợp và gửi', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Gửi báo cáo' })).toBeVisible();
    await expect(page.getByTestId('blocked-summary')).toHaveCount(0);

    // "Đóng gói và ký" with no key yet: the key is named first, then the errors.
    await page.getByRole('link', { name: 'Gói hồ sơ', exact: true }).click();
    const build = page.getByRole('region', { name: 'Đóng gói và ký' });
    await build.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill('khoa-ky-phu-thuong');
    await build.getByRole('button', { name: 'Đóng gói và ký' }).click();
    const blocked = build.getByTestId('blocked-summary');
    await expect(blocked.locator('p').first()).toContainText('Chưa có khóa ký');
    await expect(blocked.getByTestId('blocked-check')).toContainText(/Còn \d+ lỗi ở \d+ tiêu chí/);
    await expect(blocked.getByRole('link', { name: 'xem danh sách' })).toHaveAttribute('href', /#\/assessment\/\d+\/precheck$/);
    await page.screenshot({ path: testInfo.outputPath('build-blocked-1366x768.png') });
  } finally {
    await served.stop();
    cleanup(dir);
  }
});
