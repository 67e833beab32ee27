// The `kiemchung` command: serve, db migrate, db check, demo. Messages are Vietnamese; any
// failure exits non-zero.
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../db/data-dir';
import { bootServices } from '../services/bootstrap';
import { createApi } from '../api';
import { startHost } from '../host/server';
import { checkDatabase } from '../services/db-check';
import { getOffice } from '../services/office';
import { vi } from '../../shared/i18n/vi';
import { setLogFile } from '../services/log';
import { ApiError } from '../../shared/errors';
import type { Services } from '../services/context';
import type { CriteriaFileResult } from '../services/criteria-file';
import { SYSTEM_ACTOR } from '../services/context';
import { storeCriteriaSet } from '../services/assessment/criteria-sets';
import { formatPoints } from '../../shared/format';
import { findRoundByName } from '../services/exam/rounds';
import type { FormNo } from '../../shared/api/exam-schemas';
import { copyFile } from 'node:fs/promises';
import { checkClockAtStart, startClockMonitor } from '../services/clock-monitor';

const HELP = `Kiểm Chứng — dòng lệnh

Cách dùng: kiemchung <lệnh> [tùy chọn]

  serve [--port N] [--data-dir D] [--open] [--demo]
        Chạy ứng dụng ở chế độ trình duyệt trên http://127.0.0.1 (mặc định cổng 4310).
        --demo: nếu thư mục dữ liệu còn trống, tạo dữ liệu mẫu trước.
  demo --data-dir D       Tạo dữ liệu mẫu (một xã, lãnh đạo và công chức) trong thư mục trống.
  criteria check FILE         Kiểm tra tệp bộ tiêu chí (JSON/XLSX), báo lỗi và cảnh báo; không ghi gì.
                              Mã thoát 0 khi chỉ có cảnh báo, khác 0 khi có lỗi.
  criteria import FILE [--data-dir D]   Nhập bộ tiêu chí (từ chối cả tệp nếu có lỗi).
  assessment export-summary --year Y --format xlsx|pdf --out FILE [--data-dir D]
                              Xuất Bảng tổng hợp kết quả tự đánh giá của năm Y.
  roster import FILE --round R [--data-dir D]
                              Nhập danh sách Mẫu 01–05 (Excel) vào đợt kiểm tra R (tạo đợt nếu chưa có).
  roster export --form 01..05 --round R --out FILE [--data-dir D]
                              Xuất một mẫu danh sách ra Excel (.xlsx) hoặc PDF (.pdf, theo đuôi tệp).
  package build --year Y [--kind assessment] --out FILE [--data-dir D]
                              Đóng gói và ký hồ sơ tự đánh giá năm Y (mật khẩu khóa ký lấy từ biến
                              KIEMCHUNG_KEY_PASSPHRASE, hoặc hỏi khi chạy trong cửa sổ lệnh).
  package build --kind exam --year Y [--round ID] [--allow-incomplete] --out FILE [--data-dir D]
                              Đóng gói và ký kết quả đợt kiểm tra năng lực có ngày kiểm tra trong năm Y
                              (năm có nhiều đợt thì chọn bằng --round). Từ chối khi còn bước thi đang
                              diễn ra, hoặc còn người chưa có kết quả (trừ khi có --allow-incomplete).
  package verify FILE [--trust CERT.pem]… [--fingerprint HEX] [--data-dir D]
                              Kiểm tra một gói hồ sơ và cho biết ai đã ký. Người ký đã biết: chứng thư
                              của đơn vị trong thư mục dữ liệu, các chứng thư trong tệp --trust, dấu vân
                              tay --fingerprint. Mã thoát 0: hợp lệ, người ký đã biết; 3: nội dung nguyên
                              vẹn nhưng người ký chưa được xác nhận; 2: không hợp lệ (kèm từng lý do).
  sync enroll --url URL --code MÃ [--data-dir D]
                              Đăng ký máy này với máy chủ tiếp nhận của tỉnh bằng mã một lần Sở Nội vụ cấp.
  sync send FILE [--wait S] [--data-dir D]
                              Đưa gói vào hộp thư đi và gửi cho tới khi có biên nhận hoặc hết S giây
                              (mặc định 120). Mã thoát 0 khi tỉnh đã nhận (in mã biên nhận), 3 khi gói
                              bị cách ly, 2 khi bị từ chối, 1 khi lỗi hoặc chưa có biên nhận.
  sync status [--json] [--data-dir D]   Trạng thái kết nối với tỉnh và hộp thư đi.
  receiver start --port P --data-dir D [--host 127.0.0.1]
                              Chạy máy nhận hồ sơ của tỉnh (SQLite trong thư mục dữ liệu, hoặc PostgreSQL
                              khi đặt DATABASE_URL). Các lệnh quản trị: receiver enroll-code | list |
                              decide | export | operator-token — xem "kiemchung receiver --help".
  db migrate [--data-dir D]   Nâng cấp cơ sở dữ liệu lên lược đồ mới nhất.
  db check [--data-dir D]     Kiểm tra toàn vẹn SQLite và chuỗi nhật ký; báo dòng hỏng đầu tiên.

Thư mục dữ liệu: --data-dir, hoặc biến KIEMCHUNG_DATA_DIR, hoặc thư mục dữ liệu người dùng của hệ điều hành.
`;

const rendererDir = () => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

function printDemo(accounts: { username: string; fullName: string; position: string }[], password: string, year: number, roundName: string) {
  console.log('Đã tạo dữ liệu mẫu: UBND xã Phú Thượng (Võ Nhai, Thái Nguyên).');
  console.log(`Có sẵn đợt tự đánh giá năm ${year} trên bộ tiêu chí mẫu, đang làm dở (có mục đã duyệt, mục bị trả lại, tài liệu kiểm chứng).`);
  console.log(`Có sẵn đợt kiểm tra năng lực "${roundName}": đội xã Phú Thượng đang ở bước 1 (đăng nhập bằng tài khoản giamkhao).`);
  console.log(`Mật khẩu chung của các tài khoản mẫu: ${password}`);
  for (const a of accounts) console.log(`  ${a.username.padEnd(12)} ${a.fullName} — ${a.position}`);
  console.log('Đây là dữ liệu thử; đừng dùng các tài khoản này cho dữ liệu thật.');
}

/** Reads a secret from the terminal without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('Cần mật khẩu khóa ký: đặt biến KIEMCHUNG_KEY_PASSPHRASE hoặc chạy lệnh trong cửa sổ lệnh.');
  process.stdout.write(prompt);
  process.stdin.setRawMode(true);
  let out = '';
  for await (const chunk of process.stdin) {
    for (const ch of String(chunk)) {
      if (ch === '\r' || ch === '\n') {
        process.stdin.setRawMode(false);
        process.stdout.write('\n');
        process.stdin.pause();
        return out;
      }
      if (ch === '\u0003') process.exit(130);
      out = ch === '\u007f' ? out.slice(0, -1) : out + ch;
    }
  }
  return out;
}

function printCriteriaCheck(file: string, r: CriteriaFileResult) {
  const { check, meta } = r;
  console.log(`Bộ tiêu chí: ${meta.name}${meta.decision ? ` (${meta.decision})` : ''}`);
  console.log(`${check.nodes.length} tiêu chí; tổng điểm tối đa các lĩnh vực: ${formatPoints(check.totalMax)}.`);
  for (const e of check.errors) console.log(`  LỖI ${[e.source, e.code].filter(Boolean).join(' · ')}: ${e.message}`);
  for (const w of check.warnings) console.log(`  Cảnh báo ${[w.source, w.code].filter(Boolean).join(' · ')}: ${w.message}`);
  console.log(
    check.errors.length
      ? `"${file}": ${check.errors.length} lỗi, ${check.warnings.length} cảnh báo — không thể nhập.`
      : `"${file}": không có lỗi, ${check.warnings.length} cảnh báo — có thể nhập.`,
  );
}

/** `package build --kind exam`: one round of the year (or --round), its results signed into a package. */
async function buildExamCli(values: { year?: string; round?: string; out?: string; 'data-dir'?: string; 'allow-incomplete'?: boolean }): Promise<number> {
  const year = values.year === undefined ? null : Number(values.year);
  if (year !== null && !Number.isInteger(year)) throw new Error('Cần --year là một năm, ví dụ --year 2025');
  if (!values.out) throw new Error('Cần --out <tệp .zip>');
  const { buildExamPackage, pickExamRound } = await import('../services/submission/build-exam');
  const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
  try {
    // Pick the round before asking for the passphrase: a wrong year should not cost a prompt.
    const roundId = pickExamRound(s, year, values.round);
    const passphrase = process.env.KIEMCHUNG_KEY_PASSPHRASE ?? (await askHidden('Mật khẩu khóa ký: '));
    const built = await buildExamPackage(s, SYSTEM_ACTOR, roundId, passphrase, undefined, { allowIncomplete: values['allow-incomplete'] === true });
    await copyFile(path.join(s.dataDir, 'packages', built.fileName), path.resolve(values.out));
    console.log(`Đã đóng gói và ký kết quả thi: ${path.resolve(values.out)} (${built.bagName}, ${built.payloadFiles} tệp, sha256 ${built.sha256})`);
    return 0;
  } finally {
    s.db.close();
  }
}

function openBrowser(url: string) {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  spawn(cmd, args, { detached: true, stdio: 'ignore' })
    .on('error', () => {
      console.log('Không tự mở được trình duyệt; hãy mở đường dẫn trên bằng tay.');
    })
    .unref();
}

async function serve(flags: { port?: string; 'data-dir'?: string; open?: boolean; demo?: boolean }) {
  const dataDir = resolveDataDir(flags['data-dir']);
  const services = bootServices({ dataDir });
  if (flags.demo && !getOffice(services)) {
    const { createDemo } = await import('../services/demo');
    const demo = await createDemo(services);
    printDemo(demo.accounts, demo.password, demo.year, demo.roundName);
  }
  const router = createApi(services);
  checkClockAtStart(services);
  startClockMonitor(services);
  // The outbox to the province runs in the backend (DESIGN §7).
  void import('../services/sync/env')
    .then(async ({ syncOptionsFromEnv }) => (await import('../services/sync/runner')).startSyncRunner(services, syncOptionsFromEnv()))
    .catch((e: unknown) => console.error(e));
  const port = flags.port !== undefined ? Number(flags.port) : 4310;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Cổng không hợp lệ: ${flags.port}`);
  const host = await startHost({ services, router, rendererDir: rendererDir(), port }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new Error(`Cổng ${port} đang được dùng. Hãy chọn cổng khác: kiemchung serve --port 4311`);
    throw e;
  });
  console.log(`Kiểm Chứng đang chạy ở chế độ trình duyệt: ${host.url}`);
  console.log(`Dữ liệu: ${dataDir}`);
  console.log(`Nhật ký chạy: ${setLogFile(dataDir)}`);
  console.log('Nhấn Ctrl+C để dừng.');
  if (flags.open) openBrowser(host.url);
  const stop = async () => {
    await host.close();
    services.db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function withServices<T>(dataDirFlag: string | undefined, fn: (s: Services) => T): T {
  const s = bootServices({ dataDir: resolveDataDir(dataDirFlag) });
  try {
    return fn(s);
  } finally {
    s.db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  // `sync` has its own options (--url, --code, --wait, --json): parsed in cli/sync.ts.
  if (argv[0] === 'sync') return (await import('./sync')).runSyncCli(argv.slice(1));
  // `receiver` (the province's service) has its own options too: parsed in cli/receiver.ts.
  if (argv[0] === 'receiver') return (await import('./receiver')).runReceiverCli(argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean' },
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      year: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      round: { type: 'string' },
      form: { type: 'string' },
      kind: { type: 'string' },
      'allow-incomplete': { type: 'boolean' },
      trust: { type: 'string', multiple: true },
      fingerprint: { type: 'string' },
    },
  });
  const [cmd, sub] = positionals;
  if (values.help || !cmd) {
    console.log(HELP);
    return values.help ? 0 : 1;
  }
  switch (cmd) {
    case 'serve':
      await serve(values);
      return -1; // keep running
    case 'demo': {
      if (!values['data-dir'] && !process.env.KIEMCHUNG_DATA_DIR) throw new Error('Cần chỉ rõ thư mục cho dữ liệu mẫu: kiemchung demo --data-dir <thư mục>');
      const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
      try {
        const { createDemo, DEMO_PASSWORD } = await import('../services/demo');
        const demo = await createDemo(s, DEMO_PASSWORD);
        printDemo(demo.accounts, demo.password, demo.year, demo.roundName);
      } finally {
        s.db.close();
      }
      return 0;
    }
    case 'criteria': {
      const { readCriteriaFile } = await import('../services/criteria-file');
      const file = positionals[2];
      if (!file || (sub !== 'check' && sub !== 'import')) throw new Error('Dùng: kiemchung criteria check|import <tệp .json hoặc .xlsx>');
      if (sub === 'check') {
        const r = await readCriteriaFile(path.resolve(file));
        printCriteriaCheck(file, r);
        return r.check.errors.length ? 2 : 0;
      }
      const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
      try {
        const r = await readCriteriaFile(path.resolve(file));
        printCriteriaCheck(file, r);
        if (r.check.errors.length) return 2;
        const set = storeCriteriaSet(s, SYSTEM_ACTOR, r, path.basename(file));
        console.log(`Đã nhập bộ tiêu chí "${set.name}" (số ${set.id}): ${set.nodeCount} tiêu chí, ${set.leafCount} tiêu chí chấm điểm.`);
        return 0;
      } finally {
        s.db.close();
      }
    }
    case 'assessment': {
      if (sub !== 'export-summary') throw new Error('Dùng: kiemchung assessment export-summary --year Y --format xlsx|pdf --out FILE');
      const year = Number(values.year);
      const format = values.format;
      if (!Number.isInteger(year)) throw new Error('Cần --year, ví dụ --year 2023');
      if (format !== 'xlsx' && format !== 'pdf') throw new Error('Cần --format xlsx hoặc --format pdf');
      if (!values.out) throw new Error('Cần --out <tệp kết quả>');
      const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
      try {
        const a = s.db.first(s.db.q.selectFrom('assessment').select('id').where('year', '=', year));
        if (!a) throw new Error(`Chưa có đợt tự đánh giá năm ${year} trong dữ liệu này.`);
        const { exportSummaryTo } = await import('../services/assessment/summary-export');
        await exportSummaryTo(s, a.id, format, values.out);
        console.log(`Đã xuất Bảng tổng hợp năm ${year}: ${path.resolve(values.out)}`);
        return 0;
      } finally {
        s.db.close();
      }
    }
    case 'roster': {
      const { importRosterFile, exportRosterTo } = await import('../services/exam/roster-io');
      if (!values.round) throw new Error('Cần --round <tên đợt kiểm tra>');
      const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
      try {
        if (sub === 'import') {
          const file = positionals[2];
          if (!file) throw new Error('Dùng: kiemchung roster import <tệp .xlsx> --round <tên đợt>');
          const existed = findRoundByName(s, values.round);
          const r = await importRosterFile(s, SYSTEM_ACTOR, path.resolve(file), path.basename(file), existed ? existed.id : { createName: values.round });
          if (!existed) console.log(`Đã tạo đợt kiểm tra "${r.round.name}".`);
          for (const [form, n] of Object.entries(r.imported)) console.log(`  Mẫu ${form}: ${n} người`);
          for (const w of r.warnings) console.log(`  Lưu ý: ${w}`);
          console.log(`Đã nhập danh sách vào đợt "${r.round.name}".`);
          return 0;
        }
        if (sub === 'export') {
          const form = values.form;
          if (!form || !/^0[1-5]$/.test(form)) throw new Error('Cần --form 01, 02, 03, 04 hoặc 05');
          if (!values.out) throw new Error('Cần --out <tệp .xlsx hoặc .pdf>');
          const round = findRoundByName(s, values.round);
          if (!round) throw new Error(`Không có đợt kiểm tra "${values.round}".`);
          const format = values.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx';
          await exportRosterTo(s, round.id, form as FormNo, format, values.out);
          console.log(`Đã xuất Mẫu ${form} của đợt "${round.name}": ${path.resolve(values.out)}`);
          return 0;
        }
        throw new Error('Dùng: kiemchung roster import|export …');
      } finally {
        s.db.close();
      }
    }
    case 'package': {
      const { buildAssessmentPackage } = await import('../services/submission/build');
      if (sub === 'verify') {
        const file = positionals[2];
        if (!file) throw new Error('Dùng: kiemchung package verify <tệp .zip> [--trust CERT.pem]… [--fingerprint HEX] [--data-dir D]');
        return (await import('./package-verify')).verifyCli(file, values);
      }
      if (sub === 'build') {
        const kind = values.kind ?? 'assessment';
        if (kind !== 'assessment' && kind !== 'exam')
          throw new Error(`--kind chỉ nhận assessment (hồ sơ tự đánh giá) hoặc exam (kết quả thi), không nhận "${kind}".`);
        if (kind === 'exam') return buildExamCli(values);
        const year = Number(values.year);
        if (!Number.isInteger(year)) throw new Error('Cần --year, ví dụ --year 2023');
        if (!values.out) throw new Error('Cần --out <tệp .zip>');
        const passphrase = process.env.KIEMCHUNG_KEY_PASSPHRASE ?? (await askHidden('Mật khẩu khóa ký: '));
        const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
        try {
          const a = s.db.first(s.db.q.selectFrom('assessment').select('id').where('year', '=', year));
          if (!a) throw new Error(`Chưa có đợt tự đánh giá năm ${year} trong dữ liệu này.`);
          const built = await buildAssessmentPackage(s, SYSTEM_ACTOR, a.id, passphrase);
          await copyFile(path.join(s.dataDir, 'packages', built.fileName), path.resolve(values.out));
          console.log(`Đã đóng gói và ký: ${path.resolve(values.out)} (${built.payloadFiles} tệp, sha256 ${built.sha256})`);
          return 0;
        } finally {
          s.db.close();
        }
      }
      throw new Error('Dùng: kiemchung package build|verify …');
    }
    case 'db':
      if (sub === 'migrate') {
        const r = withServices(values['data-dir'], (s) => (s as Services & { migrated: { from: number; to: number } }).migrated);
        console.log(r.from === r.to ? vi.db.upToDate(r.to) : vi.db.migrated(r.from, r.to));
        return 0;
      }
      if (sub === 'check') {
        const report = checkDatabase(resolveDataDir(values['data-dir']));
        console.log(report.integrity.message);
        console.log(report.chain.message);
        console.log(report.anchor.message);
        console.log(report.state.message);
        return report.ok ? 0 : 2;
      }
      throw new Error(`Lệnh "db ${sub ?? ''}" không có. Dùng: db migrate | db check`);
    default:
      throw new Error(`Lệnh "${cmd}" không có. Chạy "kiemchung --help" để xem các lệnh.`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    const msg = e instanceof ApiError || e instanceof Error ? e.message : String(e);
    console.error(`Lỗi: ${msg}`);
    if (e instanceof ApiError) for (const i of e.issues ?? []) console.error(`  ${i.path ? i.path + ': ' : ''}${i.message}`);
    process.exit(1);
  },
);
