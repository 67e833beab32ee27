import { test, expect, firstRunSetup, login, logout, LEADER } from './fixtures';

const OFFICER = { fullName: 'Lê Thị Hương', username: 'huong', password: 'huong-12345' };

test('first run → officer created → officer logs in, cannot open users → audit shows the changes in order', async ({ page, app }) => {
  await app.open(page);
  await firstRunSetup(page);
  await login(page, LEADER.username, LEADER.password);
  await expect(page.getByRole('heading', { name: `Xin chào, ${LEADER.fullName}` })).toBeVisible();
  await expect(page.getByText('UBND xã Đại Tâm').first()).toBeVisible();

  await page.getByRole('link', { name: 'Người dùng', exact: true }).click();
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const form = page.getByRole('form', { name: 'Thêm người dùng' });
  await form.getByLabel('Họ và tên').fill(OFFICER.fullName);
  await form.getByLabel('Chức danh').selectOption('Văn phòng - Thống kê');
  await form.getByLabel('Tên đăng nhập').fill(OFFICER.username);
  await form.getByLabel('Mật khẩu').fill(OFFICER.password);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã thêm người dùng')).toBeVisible();
  const row = page.getByRole('row', { name: /Lê Thị Hương/ });
  await expect(row).toContainText('Văn phòng - Thống kê');
  await expect(row).toContainText('Công chức');

  await logout(page);
  await login(page, OFFICER.username, OFFICER.password);
  await expect(page.getByRole('heading', { name: `Xin chào, ${OFFICER.fullName}` })).toBeVisible();
  // No link for an officer, and typing the address shows a refusal (the back end refuses too).
  await expect(page.getByRole('link', { name: 'Người dùng', exact: true })).toHaveCount(0);
  await page.goto(`${app.url}#/users`);
  await expect(page.getByRole('alert')).toHaveText('Bạn không có quyền thực hiện thao tác này.');
  await expect(page.getByRole('table')).toHaveCount(0);

  await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
  await expect(page.getByText(/Chuỗi nhật ký toàn vẹn \(\d+ dòng\)/)).toBeVisible();
  const actions = await page.locator('tbody tr td:nth-child(4)').allTextContents();
  // Newest first: the officer's login, the leader's logout, adding the officer, the leader's login, set-up.
  expect(actions).toEqual(['Đăng nhập', 'Đăng xuất', 'Thêm người dùng', 'Đăng nhập', 'Thêm người dùng', 'Thiết lập đơn vị']);
  const actors = await page.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(actors).toEqual([OFFICER.fullName, LEADER.fullName, LEADER.fullName, LEADER.fullName, 'Hệ thống', 'Hệ thống']);
  const seqs = (await page.locator('tbody tr td:nth-child(1)').allTextContents()).map(Number);
  expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  await expect(page.getByRole('row', { name: /Thêm người dùng.*Lê Thị Hương/ })).toContainText('Văn phòng - Thống kê');
});

test('wrong password, duplicate username and short password: a Vietnamese message each, nothing changed', async ({ page, app }) => {
  await app.open(page);
  await firstRunSetup(page);

  await login(page, LEADER.username, 'khong-dung-mat-khau');
  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();

  await login(page, LEADER.username, LEADER.password);
  await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
  await expect(page.getByText(/Chuỗi nhật ký toàn vẹn/)).toBeVisible();
  const auditRowsBefore = await page.locator('tbody tr').count();

  await page.getByRole('link', { name: 'Người dùng', exact: true }).click();
  await expect(page.getByRole('row')).toHaveCount(2); // header + the leader
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const form = page.getByRole('form', { name: 'Thêm người dùng' });
  await form.getByLabel('Họ và tên').fill('Người Trùng Tên');
  await form.getByLabel('Chức danh').selectOption('Tư pháp - Hộ tịch');
  await form.getByLabel('Tên đăng nhập').fill(LEADER.username);
  await form.getByLabel('Mật khẩu').fill('mat-khau-du-dai');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByRole('alert')).toHaveText('Tên đăng nhập "chutich" đã có người dùng. Hãy chọn tên khác.');
  await expect(form.getByText('Tên đăng nhập "chutich" đã có người dùng. Hãy chọn tên khác.').last()).toBeVisible();

  await form.getByLabel('Tên đăng nhập').fill('nguoimoi');
  await form.getByLabel('Mật khẩu').fill('ngan');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByRole('alert')).toContainText('Mật khẩu phải có ít nhất 8 ký tự.');

  await form.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
  await expect(page.getByText(/Chuỗi nhật ký toàn vẹn/)).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(auditRowsBefore);
});

test('an idle session locks (decided by the back end) and reopens only with the password', async ({ page, app }) => {
  await app.open(page);
  await firstRunSetup(page);
  await login(page, LEADER.username, LEADER.password);
  await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
  await expect(page.getByLabel('Tự khóa sau (phút không thao tác)')).toHaveValue('15');
  // 16 minutes pass on the server's clock.
  await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="kiemchung-token"]')!.content;
    await fetch('./api/test.setClock', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiemchung-token': token },
      body: JSON.stringify({ offsetMs: 16 * 60_000 }),
    });
  });
  await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Phiên làm việc đã khóa' })).toBeVisible();
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  // The lock screen says the password is wrong, and how many tries are left before the session ends.
  await expect(page.getByRole('alert')).toHaveText('Mật khẩu không đúng. Còn 4 lần thử trước khi phiên kết thúc.');
  await page.getByLabel('Mật khẩu').fill(LEADER.password);
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByRole('link', { name: 'Nhật ký', exact: true })).toBeVisible();
});
