// Issue 12, a newcomer's first minutes in Chromium: the set-up form's errors (the top box lists
// every field; a corrected field drops its error), the home page's next steps each a link, the
// assessment page saying a criteria set comes first, and the change-password confirmation.
import { test, expect, login, OFFICE, LEADER } from './fixtures';

const SHOTS = process.env.KC_SHOTS;

test('a new office: form errors that follow the fields, next steps on the home page', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();

  // Everything empty: the top box counts and names the problems, each field shows its own.
  await page.getByLabel('Mật khẩu', { exact: true }).fill(LEADER.password);
  await page.getByLabel('Nhập lại mật khẩu').fill(LEADER.password);
  await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
  const top = page.getByRole('alert');
  await expect(top).toContainText(/Dữ liệu nhập chưa hợp lệ ở \d+ chỗ: /);
  await expect(top).toContainText('tỉnh/thành phố');
  await expect(top).toContainText('huyện/quận/thị xã');
  const province = page.locator('.field').filter({ has: page.getByLabel('Tỉnh/Thành phố') });
  await expect(province.locator('.field__error')).toBeVisible();
  // Corrected: the error under the field goes away at once, the others stay.
  await page.getByLabel('Tỉnh/Thành phố').fill(OFFICE.province);
  await expect(province.locator('.field__error')).toHaveCount(0);
  await expect(
    page
      .locator('.field')
      .filter({ has: page.getByLabel('Huyện/Quận/Thị xã') })
      .locator('.field__error'),
  ).toBeVisible();

  // A mistyped confirmation is said under the confirmation field.
  await page.getByLabel('Huyện/Quận/Thị xã').fill(OFFICE.district);
  await page.getByLabel('Tên xã/phường/thị trấn').fill(OFFICE.commune);
  await page.getByLabel('Họ và tên').fill(LEADER.fullName);
  await page.getByLabel('Tên đăng nhập').fill(LEADER.username);
  await page.getByLabel('Nhập lại mật khẩu').fill('khac-hoan-toan');
  await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
  const confirm = page.locator('.field').filter({ has: page.getByLabel('Nhập lại mật khẩu') });
  await expect(confirm.locator('.field__error')).toHaveText('Hai lần nhập mật khẩu không khớp.');
  await page.getByLabel('Nhập lại mật khẩu').fill(LEADER.password);
  await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
  await expect(page.getByText('Đã thiết lập đơn vị. Hãy đăng nhập.')).toBeVisible();
  await login(page, LEADER.username, LEADER.password);

  // The home page of a new office says what to do next, in order, each a link.
  const next = page.getByRole('region', { name: 'Việc cần làm tiếp theo' });
  await expect(next).toBeVisible();
  await expect(next.getByRole('link', { name: /Thêm người dùng/ })).toHaveAttribute('href', '#/users');
  await expect(next.getByRole('link', { name: /Nhập hoặc chọn bộ tiêu chí/ })).toHaveAttribute('href', '#/criteria');
  await expect(next.getByRole('link', { name: /Tạo đợt tự đánh giá/ })).toHaveAttribute('href', '#/assessment');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/home-new-office.png` });

  // The assessment page: a criteria set first, with the way to get one.
  await next.getByRole('link', { name: /Tạo đợt tự đánh giá/ }).click();
  await expect(page.getByText('Cần có bộ tiêu chí trước khi tạo đợt tự đánh giá.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tạo đợt tự đánh giá' })).toBeDisabled();
  await page.getByRole('link', { name: 'Nhập bộ tiêu chí' }).click();
  await page.getByRole('button', { name: 'Dùng bộ tiêu chí mẫu (Phú Thượng)' }).click();
  // The name is proposed and can be changed right away; it is what the documents print.
  const naming = page.getByRole('form', { name: 'Đổi tên bộ tiêu chí' });
  await naming.getByLabel('Tên bộ tiêu chí').fill('Bộ chỉ số CCHC xã Đại Tâm 2026');
  await naming.getByRole('button', { name: 'Lưu tên' }).click();
  await expect(naming.getByText('Đã đổi tên bộ tiêu chí thành “Bộ chỉ số CCHC xã Đại Tâm 2026”.')).toBeVisible();
  await expect(page.getByRole('table').getByText('Bộ chỉ số CCHC xã Đại Tâm 2026')).toBeVisible();

  // Back home: the criteria step is marked done, the next one is the assessment.
  await page.getByRole('link', { name: 'Trang chủ', exact: true }).click();
  await expect(next.locator('li.next-steps__next')).toContainText('Thêm người dùng');
  await expect(next.locator('li.next-steps__done')).toContainText('Nhập hoặc chọn bộ tiêu chí');

  // Change password asks for the new one twice.
  await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
  const pw = page.getByRole('form', { name: 'Đổi mật khẩu' });
  await pw.getByLabel('Mật khẩu hiện tại').fill(LEADER.password);
  await pw.getByLabel('Mật khẩu mới').fill('mat-khau-moi-456');
  await pw.getByLabel('Nhập lại mật khẩu').fill('mat-khau-moi-465');
  await pw.getByRole('button', { name: 'Lưu' }).click();
  await expect(pw.locator('.field__error')).toHaveText('Hai lần nhập mật khẩu không khớp.');
  // Edited but still wrong: the message goes while typing and comes back on the next try.
  await pw.getByLabel('Nhập lại mật khẩu').fill('mat-khau-moi-4');
  await expect(pw.locator('.field__error')).toHaveCount(0);
  await pw.getByRole('button', { name: 'Lưu' }).click();
  await expect(pw.locator('.field__error')).toHaveText('Hai lần nhập mật khẩu không khớp.');
  await pw.getByLabel('Nhập lại mật khẩu').fill('mat-khau-moi-456');
  await expect(pw.locator('.field__error')).toHaveCount(0);
  await pw.getByRole('button', { name: 'Lưu' }).click();
  await expect(pw.getByText('Đã lưu')).toBeVisible();
});
