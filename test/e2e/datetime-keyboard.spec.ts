// Dates typed and shown the Vietnamese way on an English browser, file buttons reached with Tab,
// focus and window title after navigation (issue 12, "Feedback where the user is looking").
import { test, expect, login } from './fixtures';
import { apiCall } from '../helpers/cli';
import type { Page } from '@playwright/test';

// An English Windows: native date inputs would show mm/dd/yyyy and AM/PM here.
test.use({ locale: 'en-US', viewport: { width: 1366, height: 768 } });

const LEADER = { username: 'chutich', password: 'mat-khau-123' };

async function seed(app: Parameters<typeof apiCall>[0]) {
  await apiCall(app, 'office.setup', {
    office: { province: 'Thừa Thiên Huế', district: 'Phú Vang', commune: 'Phú Thượng', kind: 'xa' },
    leader: { fullName: 'Trần Văn An', position: 'Chủ tịch', username: LEADER.username, password: LEADER.password },
  });
}

/** Presses Tab until the focused element is the named button; fails if it never comes. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? { tag: el.tagName, text: el.textContent?.trim() ?? '' } : null;
    });
    if (focused?.tag === 'BUTTON' && focused.text === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('dd/mm/yyyy HH:mm typed and echoed on an en-US browser; file buttons by keyboard; focus and title follow navigation', async ({ page, app }) => {
  await seed(app);
  await app.open(page);
  await login(page, LEADER.username, LEADER.password);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');

  // Navigation: focus on the page heading, the window title names the page.
  await page.getByRole('link', { name: 'Gói hồ sơ', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gói hồ sơ gửi tỉnh' })).toBeFocused();
  await expect(page).toHaveTitle('Gói hồ sơ — Kiểm Chứng');

  // A file button is reached with Tab and opens the file dialog with Enter.
  await tabTo(page, 'Chọn tệp gói (.zip)…');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  expect(chooser.isMultiple()).toBe(false);

  // The criteria page's import button, with Space this time.
  await page.getByRole('link', { name: 'Bộ tiêu chí', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí' })).toBeFocused();
  await expect(page).toHaveTitle('Bộ tiêu chí — Kiểm Chứng');
  await tabTo(page, 'Nhập từ tệp…');
  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  expect(chooser2.isMultiple()).toBe(false);
  await page.getByRole('button', { name: 'Dùng bộ tiêu chí mẫu (Phú Thượng)' }).click();
  await expect(page.getByText(/Đã nhập "Bộ tiêu chí mẫu/)).toBeVisible();

  // The assessment window, typed as the documents write it; the field says what it understood.
  await page.getByRole('link', { name: 'Tự đánh giá CCHC', exact: true }).click();
  await expect(page).toHaveTitle('Tự đánh giá CCHC — Kiểm Chứng');
  await page.getByRole('button', { name: 'Tạo đợt tự đánh giá' }).click();
  const form = page.getByRole('form', { name: 'Tạo đợt tự đánh giá' });
  await form.getByLabel('Năm đánh giá').fill('2023');
  await form.getByLabel('Bộ tiêu chí').selectOption({ index: 1 });
  const opens = form.getByLabel('Mở lúc (giờ Việt Nam)');
  await expect(opens).toHaveAttribute('type', 'text');
  await expect(opens).toHaveAttribute('placeholder', 'dd/mm/yyyy HH:mm');
  await opens.pressSequentially('14/09/2023 08:00');
  await expect(opens).toHaveAccessibleDescription(/08:00 thứ Năm 14\/09\/2023/);
  await expect(form.getByText('Đã hiểu: 08:00 thứ Năm 14/09/2023')).toBeVisible();

  // A day that does not exist is said so, not silently turned into 03/03.
  const closes = form.getByLabel('Hết hạn lúc (giờ Việt Nam)');
  await closes.pressSequentially('31/02/2023 17:00');
  await expect(closes).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/Chưa hiểu ngày giờ này/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('datetime-invalid-1366x768.png') });
  // Another way people write it; leaving the field tidies it to dd/mm/yyyy HH:mm.
  await closes.fill('17h 5/10/2023');
  await expect(form.getByText('Đã hiểu: 17:00 thứ Năm 05/10/2023')).toBeVisible();
  await closes.blur();
  await expect(closes).toHaveValue('05/10/2023 17:00');

  await page.screenshot({ path: test.info().outputPath('datetime-form-1366x768.png') });
  await form.getByRole('button', { name: 'Tạo' }).click();
  await expect(page.getByRole('heading', { name: /Tự đánh giá năm 2023/ })).toBeVisible();
  // Stored as 08:00 Vietnam time whatever the browser's language (01:00 UTC).
  await expect(page.getByText('08:00 14/09/2023 → 17:00 05/10/2023')).toBeVisible();
  const id = Number(/#\/assessment\/(\d+)/.exec(page.url())![1]);
  const token = (await apiCall(app, 'auth.login', LEADER)).value.token as string;
  const list = (await apiCall(app, 'assessment.list', {}, token)).value as { id: number; opensAt: number; closesAt: number }[];
  const a = list.find((x) => x.id === id)!;
  expect(new Date(a.opensAt).toISOString()).toBe('2023-09-14T01:00:00.000Z');
  expect(new Date(a.closesAt).toISOString()).toBe('2023-10-05T10:00:00.000Z');
});
