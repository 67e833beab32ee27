// The appraisal cycle in Chromium at 1366×768 (issue 10): the leader imports the council's results
// (document 002's Phú Thượng numbers) → the comparison and chart show the differences → the leader
// completes two plan tasks with an officer and due dates, adds one by hand for a unit (and removes
// one added by mistake) → the officer sees theirs in "Việc của tôi" → the plan is exported and its
// PDF reads back with pdftotext, Vietnamese intact.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect, login, logout, type AppFixture } from './fixtures';
import { apiCall, startServe } from '../helpers/cli';
import { cleanup, tempDir } from '../helpers/services';
import { DOC_002, docRows, writeResultsXlsx } from '../helpers/appraisal';
import type { Page } from '@playwright/test';

const LEADER = { username: 'chutich', password: 'mat-khau-123' };
const OFFICER = { username: 'nguyenly', password: 'ly-mat-khau-1', fullName: 'Nguyễn Thị Ly' };
const DAY = 86_400_000;

/** Office, leader, one officer, the sample set and the 2021 assessment with the document's self-scores. */
async function seed(app: AppFixture): Promise<number> {
  await apiCall(app, 'office.setup', {
    office: { province: 'Thái Nguyên', district: 'Võ Nhai', commune: 'Phú Thượng', kind: 'xa' },
    leader: { fullName: 'Hoàng Như Hoa', position: 'Chủ tịch', username: LEADER.username, password: LEADER.password },
  });
  const token = (await apiCall(app, 'auth.login', LEADER)).value.token as string;
  await apiCall(app, 'users.create', { ...OFFICER, position: 'Văn hóa - Xã hội', roles: ['officer'] }, token);
  const set = (await apiCall(app, 'criteria.importSample', {}, token)).value as { id: number };
  const now = Date.now();
  const a = (await apiCall(app, 'assessment.create', { year: 2021, setId: set.id, opensAt: now - DAY, closesAt: now + 30 * DAY }, token)).value as {
    id: number;
  };
  const detail = (await apiCall(app, 'assessment.get', { assessmentId: a.id }, token)).value as {
    items: { id: number; criterionCode: string }[];
    nodes: { code: string; maxPoints: number | null }[];
  };
  for (const it of detail.items) {
    const max = detail.nodes.find((n) => n.code === it.criterionCode)!.maxPoints;
    const self = DOC_002.find((n) => n.code === it.criterionCode)!.selfOrAppraisedPoints;
    if (max !== null && self !== null) await apiCall(app, 'item.update', { itemId: it.id, points: Math.min(self, max) }, token);
  }
  await apiCall(app, 'auth.logout', {}, token);
  return a.id;
}

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Các phần' }).getByRole('link', { name, exact: true }).click();

async function completeTask(page: Page, code: string, measure: string, due: string) {
  const card = page.locator(`article.task-card[data-code="${code}"]`);
  await card.getByLabel('Biện pháp khắc phục').fill(measure);
  await card.getByLabel('Người thực hiện').selectOption({ label: `${OFFICER.fullName} — Văn hóa - Xã hội` });
  await card.getByLabel('Thời hạn').fill(due);
  await card.getByLabel('Tình trạng').selectOption({ label: 'Đang làm' });
  await card.getByRole('button', { name: 'Lưu' }).click();
  await expect(card.getByText('Đã lưu.')).toBeVisible();
  await expect(card.locator('.badge').filter({ hasText: 'Đang làm' })).toBeVisible();
}

test('import results → comparison and chart → plan completed → officer sees tasks → PDF exported', async ({ app, page }, testInfo) => {
  test.setTimeout(120_000);
  const assessmentId = await seed(app);
  const results = testInfo.outputPath('ket-qua-tham-dinh-2021.xlsx');
  await writeResultsXlsx(results, docRows({ leavesOnly: true }));

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await login(page, LEADER.username, LEADER.password);
  await page.goto(`${app.url}#/assessment/${assessmentId}`);
  await tab(page, 'Kết quả thẩm định');
  await expect(page.getByText('Chưa có kết quả thẩm định của năm này.')).toBeVisible();
  await page.getByLabel('Nhập kết quả thẩm định…').setInputFiles({
    name: 'ket-qua-tham-dinh-2021.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(results),
  });
  await expect(page.getByText(/^Đã nhập kết quả thẩm định của \d+ tiêu chí; \d+ tiêu chí bị trừ điểm/)).toBeVisible();

  // The comparison: 1.8 self 1, council 0,5 — highlighted, with the council's reason.
  const r18 = page.getByTestId('appraisal-table').locator('tr[data-code="1.8"]');
  await expect(r18).toHaveClass(/appraisal-diff/);
  await expect(r18.locator('td').nth(3)).toHaveText('1');
  await expect(r18.locator('td').nth(4)).toHaveText('0,5');
  await expect(r18.locator('td').nth(5)).toHaveText('-0,5');
  await expect(r18).toContainText('quá hạn');
  await expect(page.getByTestId('appraisal-totals')).toContainText('Chênh lệch -0,5');
  // The chart: one group of three bars per area, drawn by the chart library.
  const chart = page.getByTestId('chart-areas');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(8 * 3);
  await expect(chart.getByText('Lĩnh vực 1', { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('appraisal-1366x768.png'), fullPage: false });

  // The plan: drafted from every criterion that lost points; the leader completes two.
  await tab(page, 'Kế hoạch khắc phục');
  await expect(page.locator('article.task-card[data-code="1.8"]')).toContainText('quá hạn');
  const inMonths = (n: number) => new Date(Date.now() + n * 30 * DAY + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
  await completeTask(page, '1.8', 'Lập sổ theo dõi tiến độ nhiệm vụ, báo cáo hằng tháng', inMonths(3));
  await completeTask(page, '1.3', 'Kế hoạch giám sát do TT HĐND xã ký số và ban hành trên hệ thống', inMonths(2));
  // A due date before the task was drafted is refused, named at the field.
  const card15 = page.locator('article.task-card[data-code="1.5"]');
  await card15.getByLabel('Thời hạn').fill('01/01/2020');
  await card15.getByRole('button', { name: 'Lưu' }).click();
  await expect(card15.locator('.field__error')).toHaveText(/^Thời hạn không được trước ngày lập nhiệm vụ \(\d\d\/\d\d\/\d{4}\)\.$/);

  // A task no deduction drafted, added by hand (a unit by name), and one added by mistake and removed.
  const addForm = page.getByRole('form', { name: 'Thêm nhiệm vụ khác' });
  await page.getByRole('button', { name: 'Thêm nhiệm vụ khác…' }).click();
  await expect(addForm.getByLabel('Nội dung nhiệm vụ')).toBeFocused();
  await addForm.getByLabel('Nội dung nhiệm vụ').fill('Tập huấn sử dụng chữ ký số cho cán bộ, công chức');
  await addForm.getByLabel('Người thực hiện').selectOption({ label: 'Một bộ phận…' });
  await addForm.getByLabel('Bộ phận (ghi tên)').fill('Văn phòng HĐND và UBND xã');
  await addForm.getByLabel('Thời hạn').fill(inMonths(1));
  await addForm.getByLabel('Tình trạng').selectOption({ label: 'Đang làm' });
  await addForm.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  await expect(addForm.getByText('Đã thêm nhiệm vụ.')).toBeVisible();
  const own = page.getByRole('article', { name: 'Nhiệm vụ bổ sung: Tập huấn sử dụng chữ ký số cho cán bộ, công chức' });
  await expect(own.getByLabel('Bộ phận (ghi tên)')).toHaveValue('Văn phòng HĐND và UBND xã');
  await expect(own.getByLabel('Thời hạn')).toHaveValue(inMonths(1));
  // Refused before anything is stored: a due date before today, named at the field.
  await addForm.getByLabel('Nội dung nhiệm vụ').fill('Mua máy quét');
  await addForm.getByLabel('Thời hạn').fill('01/01/2020');
  await addForm.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  await expect(addForm.locator('.field__error')).toHaveText(/^Thời hạn không được trước ngày lập nhiệm vụ \(\d\d\/\d\d\/\d{4}\)\.$/);
  await addForm.getByLabel('Thời hạn').fill('');
  await addForm.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const mistake = page.getByRole('article', { name: 'Nhiệm vụ bổ sung: Mua máy quét' });
  await expect(mistake).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await mistake.getByRole('button', { name: 'Xóa nhiệm vụ' }).click();
  await expect(mistake).toHaveCount(0);
  await expect(own).toBeVisible();
  // A drafted task has no such button.
  await expect(page.locator('article.task-card[data-code="1.8"]').getByRole('button', { name: 'Xóa nhiệm vụ' })).toHaveCount(0);
  await own.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('plan-1366x768.png') });

  // Section III: a target, and later the value reached.
  const targets = page.getByRole('region', { name: 'Chỉ tiêu phấn đấu (mục III)' });
  const addTarget = targets.getByRole('form', { name: 'Thêm chỉ tiêu' });
  await addTarget.getByLabel('Chỉ tiêu').fill('Tỷ lệ hồ sơ trực tuyến');
  await addTarget.getByLabel('Mục tiêu').fill('50 %');
  await addTarget.getByLabel('Thời hạn').fill(inMonths(6));
  await addTarget.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const row = targets.getByRole('row', { name: /Tỷ lệ hồ sơ trực tuyến/ });
  await row.getByRole('button', { name: 'Sửa' }).click();
  await row.getByLabel('Đã đạt').fill('38 %');
  await targets.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('targets-1366x768.png') });
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(targets.getByRole('row', { name: /Tỷ lệ hồ sơ trực tuyến/ }).getByRole('cell')).toHaveText([
    'Tỷ lệ hồ sơ trực tuyến',
    '50 %',
    '38 %',
    inMonths(6),
    /Sửa/,
  ]);

  // The plan as PDF, read back by pdftotext.
  await page.getByRole('button', { name: 'Xuất kế hoạch (PDF)' }).click();
  const link = page.getByRole('link', { name: 'Ke hoach nang cao chi so CCHC 2022.pdf' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const pdf = testInfo.outputPath('ke-hoach.pdf');
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  for (const s of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Nâng cao Chỉ số cải cách hành chính năm 2022',
    'I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021',
    'II. NHIỆM VỤ, GIẢI PHÁP',
    'Nguyễn Thị Ly — Văn hóa - Xã hội',
    'Lập sổ theo dõi tiến độ nhiệm vụ, báo cáo hằng tháng',
    'Văn phòng HĐND và UBND xã',
    'Tập huấn sử dụng chữ ký số cho cán bộ, công chức',
    `- Tỷ lệ hồ sơ trực tuyến: 50 %; thời hạn ${inMonths(6)}; đã đạt 38 %.`,
    'III. TỔ CHỨC THỰC HIỆN',
    'Hoàng Như Hoa',
  ])
    expect(text).toContain(s);
  await logout(page);

  // The officer sees both tasks under "Việc của tôi".
  await login(page, OFFICER.username, OFFICER.password);
  await page.getByRole('link', { name: 'Việc của tôi', exact: true }).click();
  const mine = page.getByTestId('my-plan-tasks');
  await expect(mine.locator('tr[data-code]')).toHaveCount(2);
  await expect(mine.locator('tr[data-code="1.8"]')).toContainText('Lập sổ theo dõi tiến độ nhiệm vụ');
  await expect(mine.locator('tr[data-code="1.3"]')).toContainText(inMonths(2));
  await page.screenshot({ path: testInfo.outputPath('mine-1366x768.png') });
});

// `kiemchung demo` shows the whole cycle: last year appraised with document 002's numbers, the
// year before too, so the comparison has its year-over-year chart; last year's plan partly done.
test('the demo: two appraised years, the year-over-year chart, a plan partly done with one task late', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const dir = tempDir('kc-e2e-appraisal-demo-');
  const demo = await startServe(dir, {}, ['--demo']);
  try {
    const year = new Date().getUTCFullYear() - 1;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(demo.url);
    await login(page, 'chutich', 'demo-kiemchung');
    // The home page: last year's late task stands out.
    await expect(page.getByTestId('overdue-tasks')).toContainText('1 nhiệm vụ khắc phục đã quá hạn');
    await page.getByRole('link', { name: 'Tự đánh giá CCHC', exact: true }).click();
    await page
      .getByRole('table')
      .getByRole('link', { name: new RegExp(String(year)) })
      .first()
      .click();
    await tab(page, 'Kết quả thẩm định');
    await expect(page.getByTestId('appraisal-totals')).toContainText('Thẩm định 72,75 / 98 điểm');
    const years = page.getByTestId('chart-years');
    await expect(years.getByText(String(year - 1), { exact: true })).toBeVisible();
    await expect(years.getByText(String(year), { exact: true })).toBeVisible();
    expect(await years.locator('.recharts-line').count()).toBe(1 + 8); // the total and each area
    await years.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('demo-appraisal-1366x768.png') });

    await tab(page, 'Kế hoạch khắc phục');
    await expect(page.locator('article.task-card--overdue')).toHaveCount(1);
    await expect(
      page
        .locator('article.task-card .badge')
        .filter({ hasText: /^Xong$/ })
        .first(),
    ).toBeVisible();
    await expect(
      page
        .locator('article.task-card')
        .filter({ has: page.getByRole('combobox', { name: 'Người thực hiện' }) })
        .first(),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('demo-plan-1366x768.png') });
  } finally {
    await demo.stop();
    cleanup(dir);
  }
});
