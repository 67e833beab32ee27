// The operator's side of the receiver: the page at `/` (strict CSP, Vietnamese), the office
// overview (chưa gửi → đã nhận) over both dialects, and — where Debian's Chromium is installed —
// the page driven in a real browser: log in with an operator token, see the office change from
// "chưa gửi" to "đã nhận", accept a quarantined package with a reason.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReceiverDb } from '../../main/receiver/db/open';
import { enrollResponse, officeOverviewResponse } from '../../shared/sync/protocol';
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

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(`receiver operator page (${dialect})`, () => {
    let dir: string;
    let data: string;
    let env: NodeJS.ProcessEnv;
    let rx: ReceiverProcess;
    let operator: string;
    let clientToken: string;
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
      const pkg = await buildOfficePackage(dir, 'page', identity);
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
