// The operator's side of the receiver: the page at `/` (strict CSP, Vietnamese), the office
// overview (chưa gửi → đã nhận) over both dialects, and — where Debian's Chromium is installed —
// the page driven in a real browser: log in with an operator token, see the office change from
// "chưa gửi" to "đã nhận", open the accepted package read-only (criteria, scores, evidence,
// signer and trust verdict, audit head) and download an evidence document from it, accept a
// quarantined package with a reason.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReceiverDb } from '../../main/receiver/db/open';
import { enrollResponse, officeOverviewResponse } from '../../shared/sync/protocol';
import { operatorPackageView } from '../../shared/sync/operator-view';
import { verifyPackage } from '../../main/services/package-format';
import type { AssessmentPackage } from '../../shared/package-schema';
import { newIdentity } from '../helpers/package';
import {
  DIALECTS,
  OFFICE_KEY,
  api,
  buildOfficePackage,
  databaseEnv,
  hasPostgres,
  startReceiverProcess,
  stopPostgres,
  tusUpload,
  type ReceiverProcess,
  runCli,
} from '../helpers/receiver';

afterAll(() => stopPostgres());

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EVIDENCE = 'data/evidence/2.3/2.3_so 25BC-UBND_BC CCHC quy I.2023.pdf';

/** One area and one scored criterion with its explanation and evidence (the sample PDF in the package). */
const criteria = (files: { path: string; sha256: string; size: number }[]): AssessmentPackage['criteria'] => {
  const pdf = files.find((f) => f.path === EVIDENCE)!;
  return [
    { code: '2', parentCode: null, title: 'Cải cách thủ tục hành chính', maxPoints: 10, isLeaf: false, total: { points: 1.5, applicableMax: 2 }, item: null },
    {
      code: '2.3',
      parentCode: '2',
      title: 'Báo cáo công tác cải cách hành chính hằng quý',
      maxPoints: 2,
      isLeaf: true,
      total: { points: 1.5, applicableMax: 2 },
      item: {
        points: 1.5,
        notApplicable: false,
        naReason: null,
        explanation: 'Đã gửi đủ 4 báo cáo quý; báo cáo quý I gửi muộn 2 ngày.',
        status: 'approved',
        reviewComment: null,
        assignee: 'Lê Thị Hoa',
        updatedBy: 'Lê Thị Hoa',
        updatedAt: '2026-09-20T03:00:00.000Z',
        evidence: [
          {
            fileName: '2.3_so 25BC-UBND_BC CCHC quy I.2023',
            path: EVIDENCE,
            sha256: pdf.sha256,
            size: pdf.size,
            mediaType: 'application/pdf',
            pdfSigned: false,
            docNumber: '25/BC-UBND',
            docDate: '2023-04-05',
            summary: 'Báo cáo công tác CCHC quý I năm 2023',
            originalName: 'bao-cao-quy-1.pdf',
          },
        ],
      },
    },
  ];
};

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(`receiver operator page (${dialect})`, () => {
    let dir: string;
    let data: string;
    let env: NodeJS.ProcessEnv;
    let rx: ReceiverProcess;
    let operator: string;
    let clientToken: string;
    let accepted: { zip: string; sha256: string };
    const cli = (...args: string[]) => runCli(['receiver', ...args, '--data-dir', data], env);
    const send = async (pkg: { zip: string; sha256: string }) => {
      await tusUpload(rx.url, clientToken, readFileSync(pkg.zip), { sha256: pkg.sha256 }).done;
      return api(rx.url, 'POST', `/v1/packages/${pkg.sha256}/finalize`, clientToken);
    };
    const statusOf = async (office: string) =>
      officeOverviewResponse.parse((await api(rx.url, 'GET', '/v1/offices', operator)).json).offices.find((o) => o.office === office)?.status;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), `kc-rx-page-${dialect}-`));
      data = path.join(dir, 'data');
      env = await databaseEnv(dialect);
      rx = await startReceiverProcess(data, env);
      operator = cli('operator-token', '--name', 'Trần Thị Sở').stdout.trim().split('\n').pop()!;
    });
    afterAll(async () => {
      if (rx) expect(await rx.stop()).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves a Vietnamese page under a strict CSP, without inline script', async () => {
      const res = await fetch(rx.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      expect(html).toContain('Đăng nhập cán bộ vận hành');
      expect(html).not.toMatch(/<script>(?!\s*$)/);
      expect(html).not.toMatch(/ on[a-z]+=/);
      expect((await fetch(`${rx.url}operator.js`)).headers.get('content-type')).toContain('javascript');
      expect((await api(rx.url, 'GET', '/v1/offices')).status).toBe(401);
    });

    it('shows an enrolled office as not sent, then as received', async () => {
      const identity = await newIdentity();
      const code = cli('enroll-code', '--office', OFFICE_KEY).stdout.trim().split('\n').pop()!;
      clientToken = enrollResponse.parse(
        (await api(rx.url, 'POST', '/v1/enroll', undefined, { code, certificatePem: identity.certificatePem })).json,
      ).clientToken;
      cli('enroll-code', '--office', 'Thừa Thiên Huế/Phú Vang/Phú Mỹ'); // a code issued, never used
      expect(await statusOf(OFFICE_KEY)).toBe('none');
      expect(await statusOf('Thừa Thiên Huế/Phú Vang/Phú Mỹ')).toBe('none');
      const pkg = await buildOfficePackage(dir, 'page', identity, { criteria });
      accepted = pkg;
      expect((await send(pkg)).json.status).toBe('accepted');
      expect(await statusOf(OFFICE_KEY)).toBe('accepted');
      // The operator can fetch the stored package (to open it in the app); a client token cannot.
      const file = await fetch(`${rx.url}v1/packages/${pkg.sha256}/file`, { headers: { authorization: `Bearer ${operator}` } });
      expect(file.status).toBe(200);
      expect(
        createHash('sha256')
          .update(Buffer.from(await file.arrayBuffer()))
          .digest('hex'),
      ).toBe(pkg.sha256);
      expect((await fetch(`${rx.url}v1/packages/${pkg.sha256}/file`, { headers: { authorization: `Bearer ${clientToken}` } })).status).toBe(401);
    });

    it('opens an accepted package read-only, verified again, with its evidence downloadable (operator only)', async () => {
      const res = await api(rx.url, 'GET', `/v1/packages/${accepted.sha256}/view`, operator);
      expect(res.status).toBe(200);
      const v = operatorPackageView.parse(res.json);
      expect(v.package).toMatchObject({ status: 'accepted', office: OFFICE_KEY });
      expect(v.view.trust.level).toBe('known');
      expect(v.view.trust.title).toMatch(/hợp lệ, người ký đã biết/);
      expect(v.receipt?.receipt.auditHead.seq).toBeGreaterThan(0);
      expect(v.receivedAtText).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
      const leaf = v.view.content?.criteria.find((c) => c.code === '2.3');
      expect(leaf?.item).toMatchObject({ points: 1.5, statusLabel: expect.any(String) as string });
      expect(leaf?.item?.evidence[0]).toMatchObject({ path: EVIDENCE, inPackage: true });

      // The evidence document, exactly the bytes the package signed.
      const signed = (await verifyPackage(accepted.zip)).payload.find((p) => p.path === EVIDENCE)!;
      const file = await fetch(`${rx.url}v1/packages/${accepted.sha256}/file?path=${encodeURIComponent(EVIDENCE)}`, {
        headers: { authorization: `Bearer ${operator}` },
      });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toContain('attachment');
      expect(
        createHash('sha256')
          .update(Buffer.from(await file.arrayBuffer()))
          .digest('hex'),
      ).toBe(signed.sha256);

      // Not in the package, not for an office's token, not for a package the receiver does not keep.
      const missing = await api(rx.url, 'GET', `/v1/packages/${accepted.sha256}/file?path=${encodeURIComponent('data/evidence/9.9/khong-co.pdf')}`, operator);
      expect(missing.status).toBe(404);
      expect(missing.json.message).toMatch(/Không có tệp "data\/evidence\/9\.9\/khong-co\.pdf" trong gói/);
      expect((await api(rx.url, 'GET', `/v1/packages/${accepted.sha256}/view`, clientToken)).status).toBe(401);
      expect((await api(rx.url, 'GET', `/v1/packages/${'0'.repeat(64)}/view`, operator)).status).toBe(404);
    });

    it.skipIf(dialect !== 'sqlite' || !existsSync(CHROMIUM))(
      'in Chromium: logs in, shows the statuses, accepts a quarantined package with a reason',
      async () => {
        const stranger = await newIdentity();
        const q = await buildOfficePackage(dir, 'page-stranger', stranger);
        expect((await send(q)).json.status).toBe('quarantined');

        const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
        try {
          const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
          const errors: string[] = [];
          page.on('console', (m) => {
            if (m.type() === 'error') errors.push(m.text());
          });
          await page.goto(rx.url);
          await page.fill('#token', 'sai-ma');
          await page.click('button[type=submit]');
          await page.waitForSelector('#login-error:not([hidden])');
          await page.fill('#token', operator);
          await page.click('button[type=submit]');
          await page.waitForSelector('#board:not([hidden])');
          const row = page.locator(`tr[data-office="${OFFICE_KEY}"]`);
          await expect.poll(() => row.textContent()).toContain('đã nhận');
          const notSent = await page.locator('tr[data-office="Thừa Thiên Huế/Phú Vang/Phú Mỹ"]').textContent();
          expect(notSent).toContain('chưa gửi');
          expect(notSent).toContain('chưa kết nối');
          const download = page.waitForEvent('download');
          await row.locator('button', { hasText: 'Tải gói' }).click();
          expect((await download).suggestedFilename()).toMatch(/^[0-9a-f]{64}\.zip$/);
          expect(await page.textContent('#offices-title')).toMatch(/tình trạng năm \d{4}/);

          if (process.env.KC_SCREENSHOTS) {
            await page.setViewportSize({ width: 1366, height: 768 });
            await page.screenshot({ path: path.join(process.env.KC_SCREENSHOTS, 'operator-board.png') });
          }
          // "Xem": the accepted package read-only, as the app shows it.
          await row.locator('button', { hasText: 'Xem' }).click();
          await page.waitForSelector('#viewer:not([hidden]) .trust');
          const viewer = page.locator('#viewer');
          expect(await viewer.locator('.trust').textContent()).toMatch(/Gói hồ sơ hợp lệ, người ký đã biết/);
          expect(await viewer.textContent()).toMatch(/dòng số \d+, mã [0-9a-f]{64}/);
          expect(await viewer.textContent()).toContain('1,5/2 điểm');
          await viewer.locator('details.area summary').first().click();
          expect(await viewer.locator('[data-testid="score-2.3"]').textContent()).toBe('1,5');
          expect(await viewer.textContent()).toContain('Đã gửi đủ 4 báo cáo quý');
          expect(await viewer.textContent()).toContain('05/04/2023');
          const evidence = page.waitForEvent('download');
          await viewer.getByRole('button', { name: 'Tải về 2.3_so 25BC-UBND_BC CCHC quy I.2023' }).click();
          const saved = await (await evidence).path();
          expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
          if (process.env.KC_SCREENSHOTS) {
            // For a person to look at (1366×768, top of the view): not asserted.
            await page.setViewportSize({ width: 1366, height: 768 });
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.screenshot({ path: path.join(process.env.KC_SCREENSHOTS, 'operator-view.png') });
          }
          await page.click('#viewer-back');
          await page.waitForSelector('#board:not([hidden])');

          const item = page.locator(`[data-sha256="${q.sha256}"]`);
          expect(await item.textContent()).toContain('người ký chưa được xác nhận');
          await item.locator('button', { hasText: 'Chấp nhận' }).click(); // no reason yet: nothing happens
          await item.locator('textarea').fill('Đã đối chiếu dấu vân tay qua điện thoại');
          await item.locator('button', { hasText: 'Chấp nhận' }).click();
          await page.waitForSelector('#no-quarantine:not([hidden])');
          // The CSP blocked nothing the page needs (the 401s are the wrong token tried above).
          expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
          expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
        } finally {
          await browser.close();
        }
        const list = (await api(rx.url, 'GET', '/v1/packages', operator)).json.packages as { sha256: string; status: string; decidedBy: string }[];
        expect(list.find((p) => p.sha256 === q.sha256)).toMatchObject({ status: 'accepted', decidedBy: 'operator:Trần Thị Sở' });
        const { db, close } = await openReceiverDb({ sqliteFile: path.join(data, 'receiver.sqlite'), databaseUrl: null });
        try {
          const decided = await db.selectFrom('audit').selectAll().where('action', '=', 'package.decided').executeTakeFirstOrThrow();
          expect(decided.actor).toBe('operator:Trần Thị Sở');
          expect(decided.data_json).toContain('Đã đối chiếu');
        } finally {
          await close();
        }
      },
    );
  });
}
