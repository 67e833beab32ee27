// Issue 15 in Chromium against the real backend (browser mode, sample commune from `serve --demo`):
// an inspection with a visit date → the home page shows the report's due date → two outline
// items filled, one with a document reused from the evidence library → the PDF, read back with
// pdftotext → the report signed into a package on its page, listed under Gói hồ sơ with its kind in
// words; then a question bank imported → an official takes a 10-question test with its timer,
// reloads mid-test and finishes → the result and the training target figure update.
import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServe, type Served } from '../helpers/cli';
import { cleanup, tempDir } from '../helpers/services';
import { goodRows, writeBank } from '../helpers/question-bank';
import { formatIsoDate, vnIsoDate } from '../../shared/vn-time';

const test = base.extend<{ app: Served & { dataDir: string } }>({
  app: async ({}, use) => {
    const dataDir = tempDir('kc-e2e-');
    const served = await startServe(dataDir, { KIEMCHUNG_TEST_HOOKS: '1' }, ['--demo']);
    await use({ ...served, dataDir });
    await served.stop();
    cleanup(dataDir);
  },
});

const PASSWORD = 'demo-kiemchung';
const DAY = 86_400_000;

async function login(page: Page, username: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
/** The demo's questions say their number; the right letter is A, B, C, D in turn. */
const rightLetter = (text: string) => 'ABCD'[(Number(/số (\d+)/.exec(text)![1]) - 1) % 4]!;

test('inspection report with its due date, and an end-of-course test taken across a reload', async ({ page, app }) => {
  test.setTimeout(180_000);
  const now = Date.now();
  const visit = vnIsoDate(now + 10 * DAY);
  const due = vnIsoDate(now + 5 * DAY);
  const year = Number(vnIsoDate(now).slice(0, 4));
  await page.goto(app.url);
  await login(page, 'chutich');

  // ── Inspection record ──
  await nav(page, 'Kiểm tra CCHC');
  await page.getByRole('button', { name: 'Tạo đợt kiểm tra' }).click();
  const form = page.getByRole('form', { name: 'Tạo đợt kiểm tra' });
  await form.getByLabel('Số kế hoạch').fill('110/KH-UBND');
  await form.getByLabel('Ngày kế hoạch').fill('26/05/2023');
  await form.getByLabel('Ngày Đoàn đến kiểm tra').fill(formatIsoDate(visit));
  await form.getByRole('button', { name: 'Tạo đợt kiểm tra' }).click();
  await expect(page.getByTestId('due-date')).toHaveText(`${formatIsoDate(due)} — còn 5 ngày`);

  await nav(page, 'Trang chủ');
  const homeDue = page.getByTestId('inspection-due');
  await expect(homeDue).toContainText(`hạn gửi Phòng Nội vụ ${formatIsoDate(due)} — còn 5 ngày`);
  await homeDue.getByRole('link', { name: 'Mở báo cáo' }).click();

  // ── Two items, one with a reused document ──
  const item = (key: string) => page.locator(`article[data-key="${key}"]`);
  await item('I.2.1.1').getByLabel('Nội dung mục I.2.1.1').fill('Tuyên truyền CCHC trên loa truyền thanh xã: 24 tin bài, 2 hội nghị.');
  await item('I.2.1.1').getByLabel('Nội dung mục I.2.1.1').blur();
  await expect(item('I.2.1.1').getByRole('status')).toHaveText('Đã lưu.');
  await item('I.2.1.1').getByRole('button', { name: 'Dùng lại tài liệu đã có…' }).click();
  const choose = item('I.2.1.1').getByLabel('Chọn tài liệu trong kho tài liệu kiểm chứng');
  const option = choose.locator('option', { hasText: '05/KH-UBND' });
  await choose.selectOption({ label: (await option.textContent())! });
  await expect(item('I.2.1.1').getByLabel('Tên tệp (theo quy ước)')).toHaveValue(/^I\.2\.1\.1_so 05KH-UBND_/);
  const fileName = await item('I.2.1.1').getByLabel('Tên tệp (theo quy ước)').inputValue();
  await item('I.2.1.1').getByRole('button', { name: 'Đính kèm' }).click();
  await expect(item('I.2.1.1').getByRole('list', { name: 'Tài liệu kèm theo' })).toContainText(fileName);
  await item('II.1').getByLabel('Nội dung mục II.1').fill('Ưu điểm: 100% hồ sơ TTHC được tiếp nhận qua Bộ phận Một cửa.');
  await item('II.1').getByLabel('Nội dung mục II.1').blur();
  await expect(item('II.1').getByRole('status')).toHaveText('Đã lưu.');

  await page.getByRole('button', { name: 'Xuất báo cáo PDF' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Bao cao kiem tra CCHC ${year}.pdf` }).click()]);
  const pdfPath = path.join(app.dataDir, 'report.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('(Theo Kế hoạch số 110/KH-UBND ngày 26/05/2023)');
  expect(text).toContain('Tuyên truyền CCHC trên loa truyền thanh xã: 24 tin bài, 2 hội nghị.');
  expect(text).toContain('Ưu điểm: 100% hồ sơ TTHC được tiếp nhận qua Bộ phận Một cửa.');
  expect(text).toContain(fileName);

  // ── The signed package: built on the report's page, then listed under Gói hồ sơ like the others ──
  await nav(page, 'Gói hồ sơ');
  const key = page.getByRole('region', { name: 'Chữ ký số của đơn vị' });
  await key.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill('khoa-ky-phu-thuong');
  await key.getByRole('button', { name: 'Tạo khóa ký' }).click();
  await expect(key.getByText('Chứng thư tự cấp')).toBeVisible();
  await nav(page, 'Trang chủ');
  await page.getByTestId('inspection-due').getByRole('link', { name: 'Mở báo cáo' }).click();
  const signed = page.getByTestId('signed-package');
  await signed.getByLabel('Mật khẩu bảo vệ khóa ký (ít nhất 8 ký tự)').fill('khoa-ky-phu-thuong');
  await signed.getByRole('button', { name: 'Đóng gói và ký', exact: true }).click();
  await expect(signed.getByRole('status')).toContainText(/Đã đóng gói và ký: KC-\d{4}-PhuThuong-KT-\d+-/);
  await expect(signed.getByRole('table', { name: 'Các gói đã ký' })).toContainText(/KC-\d{4}-PhuThuong-KT-/);
  await nav(page, 'Gói hồ sơ');
  await expect(page.locator('tr', { hasText: /KC-\d{4}-PhuThuong-KT-/ }).getByText('Báo cáo phục vụ Đoàn kiểm tra')).toBeVisible();

  // ── Training: course, attendee, question bank, test, target population ──
  await nav(page, 'Bồi dưỡng');
  await page.getByRole('button', { name: 'Thêm lớp bồi dưỡng' }).click();
  const cf = page.getByRole('form', { name: 'Thêm lớp bồi dưỡng' });
  await cf.getByLabel('Tên lớp, khóa bồi dưỡng').fill('Bồi dưỡng nghiệp vụ CCHC');
  await cf.getByLabel('Đơn vị tổ chức').fill('Phòng Nội vụ');
  await cf.getByLabel('Từ ngày').fill(formatIsoDate(vnIsoDate(now)));
  await cf.getByRole('button', { name: 'Thêm lớp bồi dưỡng' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bồi dưỡng nghiệp vụ CCHC' })).toBeVisible();
  await page.getByRole('checkbox', { name: /Lê Thị Hương/ }).check();
  await page.getByRole('button', { name: 'Lưu danh sách tham gia' }).click();
  await expect(page.getByRole('button', { name: 'Đính kèm chứng nhận…' })).toBeVisible();
  const bank = path.join(app.dataDir, 'ngan-hang.xlsx');
  await writeBank(bank, goodRows(12));
  await page.getByLabel('Nhập ngân hàng câu hỏi (Excel)…').setInputFiles(bank);
  await expect(page.getByText('Đã nhập 12 câu hỏi vào lớp "Bồi dưỡng nghiệp vụ CCHC".')).toBeVisible();
  await page.getByRole('form', { name: 'Tạo bài kiểm tra' }).getByRole('button', { name: 'Tạo bài kiểm tra' }).click();
  await expect(page.getByText('Kiểm tra cuối khóa: 10 câu, 15 phút, đạt từ 50%')).toBeVisible();
  await nav(page, 'Bồi dưỡng');
  await page.getByRole('checkbox', { name: 'Tham mưu CCHC: Lê Thị Hương' }).check();
  await page.getByRole('button', { name: 'Lưu nhóm đối tượng' }).click();
  const t1 = page.getByTestId('target-T1');
  await expect(t1).toContainText(/0\/\d+ người — 0%/);
  const before = (await t1.textContent())!;
  const eligible = Number(/0\/(\d+) người/.exec(before)![1]);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  // ── The official takes the test, reloads mid-way, finishes ──
  await login(page, 'vanphong');
  await nav(page, 'Bồi dưỡng');
  await page.getByRole('button', { name: 'Làm bài' }).click();
  const timer = page.getByTestId('remaining');
  await expect(timer).toHaveText(/^1[45]:\d\d$/);
  const questions = page.locator('ol.questions > li');
  await expect(questions).toHaveCount(10);
  const answer = async (i: number) => {
    const q = questions.nth(i);
    const legend = (await q.locator('legend').textContent())!;
    await q.getByRole('radio', { name: new RegExp(`^${rightLetter(legend)}\\.`) }).check();
  };
  for (let i = 0; i < 5; i++) await answer(i);
  await expect(page.getByText('Đã trả lời 5/10 câu')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Đã trả lời 5/10 câu')).toBeVisible();
  await expect(timer).toHaveText(/^1[0-4]:\d\d$/); // still counting from the first start
  for (let i = 5; i < 10; i++) await answer(i);
  await expect(page.getByText('Đã trả lời 10/10 câu')).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByTestId('attempt-result')).toContainText('Kết quả: 10/10 điểm — Đạt');

  await nav(page, 'Bồi dưỡng');
  await expect(page.getByTestId('my-result')).toContainText('Lần 1: Kết quả: 10/10 điểm — Đạt');
  await expect(page.getByTestId('target-T1')).toContainText(`1/${eligible} người`);
});
