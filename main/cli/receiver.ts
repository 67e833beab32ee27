// `kiemchung receiver …`: runs and administers the province's receiver (main/receiver). Every
// command works on a data folder (--data-dir) and on the SQLite file in it, or on PostgreSQL when
// DATABASE_URL is set. Messages come from shared/i18n/vi/receiver.ts.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDateTime } from '../../shared/format';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { packageListResponse, receiverStatuses, type ReceiverStatus } from '../../shared/sync/protocol';
import { createOperatorToken } from '../receiver/auth';
import { receiverConfig, type ReceiverConfig } from '../receiver/config';
import { openReceiverContext, type ReceiverContext } from '../receiver/context';
import { issueEnrollCode } from '../receiver/enroll';
import { HttpError } from '../receiver/http';
import { decidePackage, exportAccepted, listPackages } from '../receiver/packages';
import { startReceiver } from '../receiver/server';
import { issueSupplementaryInstruction, writeInstructionFile } from '../receiver/instructions';
import { viInstruction } from '../../shared/i18n/vi/instruction';
import { viPackageKinds } from '../../shared/i18n/vi/package-kinds';
import { parseVnDateTime } from '../../shared/vn-time';
import { importOfficeAppraisal } from '../receiver/appraisals';

const cliActor = () => {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
};

function intFlag(v: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, 'VALIDATION', flag === '--port' ? t.cli.badPort(v) : t.cli.badNumber(flag));
  return n;
}

async function withContext<T>(config: ReceiverConfig, fn: (ctx: ReceiverContext) => Promise<T>): Promise<T> {
  const ctx = await openReceiverContext(config);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** Runs until SIGTERM/SIGINT, then closes the server and the database and resolves 0. */
async function start(config: ReceiverConfig): Promise<number> {
  const running = await startReceiver(config).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new HttpError(400, 'PORT_IN_USE', t.cli.portInUse(config.port));
    throw e;
  });
  console.log(t.cli.running(running.url));
  console.log(t.cli.dataDir(config.dataDir, running.ctx.rdb.describe));
  console.log(t.cli.stopHint);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await running.close();
  console.log(t.cli.stopped);
  return 0;
}

function printList(rows: Awaited<ReturnType<typeof listPackages>>) {
  if (rows.length === 0) {
    console.log(t.cli.listEmpty);
    return;
  }
  console.log(t.cli.listHeader);
  for (const r of rows) {
    console.log(
      `${t.statusLabels[r.status].padEnd(12)} ${formatDateTime(r.receivedAt).padEnd(18)} ${r.office} — ${viPackageKinds.label(r.kind)} — ${r.sha256}`,
    );
    if (r.status !== 'accepted') for (const why of r.reasons) console.log(`    ${why.file ? `${why.file}: ` : ''}${why.message}`);
  }
}

type InstructionFlags = Partial<Record<'office' | 'year' | 'opens' | 'closes' | 'codes' | 'ref' | 'note' | 'out', string>>;

/** `receiver instruction …`: signs a supplementary-window instruction for one office into a file. */
async function instruction(base: { dataDir: string }, v: InstructionFlags): Promise<number> {
  const ti = viInstruction;
  const year = Number(v.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new HttpError(400, 'VALIDATION', ti.badYear);
  const time = (text: string | undefined, flag: string) => {
    const ms = text === undefined ? null : parseVnDateTime(text);
    if (ms === null) throw new HttpError(400, 'VALIDATION', ti.badTime(flag));
    return ms;
  };
  const opensAt = time(v.opens, '--opens');
  const closesAt = time(v.closes, '--closes');
  const codes = (v.codes ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (codes.length === 0) throw new HttpError(400, 'VALIDATION', ti.badCodes);
  if (!v.ref) throw new HttpError(400, 'VALIDATION', ti.badRef);
  if (!v.office) throw new HttpError(400, 'VALIDATION', t.enroll.badOffice);
  if (!v.out) throw new HttpError(400, 'VALIDATION', t.cli.needOut);
  const out = path.resolve(v.out);
  const input = { office: v.office, year, opensAt, closesAt, codes, reference: v.ref.trim(), note: v.note?.trim() || null };
  const signed = await withContext(receiverConfig(base), (ctx) => issueSupplementaryInstruction(ctx, input, cliActor()));
  await writeInstructionFile(out, signed).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'EEXIST' ? new HttpError(400, 'VALIDATION', ti.exists(out)) : e;
  });
  const { id, office } = JSON.parse(signed.payload) as { id: string; office: string };
  console.log(ti.written(out, id, office));
  return 0;
}

export async function runReceiverCli(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'max-size': { type: 'string' },
      'max-concurrent': { type: 'string' },
      office: { type: 'string' },
      days: { type: 'string' },
      status: { type: 'string' },
      json: { type: 'boolean' },
      sha256: { type: 'string' },
      accept: { type: 'boolean' },
      reject: { type: 'boolean' },
      reason: { type: 'string' },
      out: { type: 'string' },
      name: { type: 'string' },
      year: { type: 'string' },
      opens: { type: 'string' },
      closes: { type: 'string' },
      codes: { type: 'string' },
      ref: { type: 'string' },
      note: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd] = positionals;
  if (values.help || !cmd) {
    console.log(t.cli.usage);
    return values.help ? 0 : 1;
  }
  try {
    const dataDir = values['data-dir'] ?? process.env.KIEMCHUNG_RECEIVER_DATA_DIR;
    if (!dataDir) throw new HttpError(400, 'VALIDATION', t.cli.needDataDir);
    const base = { dataDir: path.resolve(dataDir) };
    switch (cmd) {
      case 'start': {
        const config = receiverConfig({
          ...base,
          ...(values.host ? { host: values.host } : {}),
          ...(values.port !== undefined ? { port: intFlag(values.port, '--port', 0, 65535)! } : {}),
          ...(values['max-size'] !== undefined ? { maxUploadBytes: intFlag(values['max-size'], '--max-size', 1, Number.MAX_SAFE_INTEGER)! } : {}),
          ...(values['max-concurrent'] !== undefined ? { maxConcurrentUploadsPerOffice: intFlag(values['max-concurrent'], '--max-concurrent', 1, 1000)! } : {}),
        });
        return await start(config);
      }
      case 'appraisal': {
        // receiver appraisal import FILE --office K --year Y: the council's results, signed for the office's app.
        const file = positionals[2];
        if (positionals[1] !== 'import' || !file) throw new HttpError(400, 'VALIDATION', t.cli.appraisalUsage);
        if (!values.office) throw new HttpError(400, 'VALIDATION', t.enroll.badOffice);
        const signed = await withContext(receiverConfig(base), (ctx) =>
          importOfficeAppraisal(ctx, path.resolve(file), values.office!, Number(values.year), cliActor()),
        );
        const { id, office, year, rows } = JSON.parse(signed.payload) as { id: string; office: string; year: number; rows: unknown[] };
        console.log(t.cli.appraisalIssued(year, office, rows.length, id));
        return 0;
      }
      case 'enroll-code': {
        if (!values.office) throw new HttpError(400, 'VALIDATION', t.enroll.badOffice);
        const config = receiverConfig(base);
        const days = values.days === undefined ? config.enrollCodeDays : Number(values.days);
        const r = await withContext(config, (ctx) => issueEnrollCode(ctx, values.office!, days, cliActor()));
        console.log(t.cli.codeIssued(r.office, formatDateTime(r.expiresAt)));
        console.log(r.code);
        return 0;
      }
      case 'list': {
        const s = values.status;
        if (s !== undefined && !receiverStatuses.includes(s as ReceiverStatus)) throw new HttpError(400, 'VALIDATION', t.cli.badStatus);
        const rows = await withContext(receiverConfig(base), (ctx) => listPackages(ctx, s as ReceiverStatus | undefined));
        if (values.json) console.log(JSON.stringify(packageListResponse.parse({ packages: rows }), null, 2));
        else printList(rows);
        return 0;
      }
      case 'decide': {
        if (!values.sha256) throw new HttpError(400, 'VALIDATION', t.cli.needSha);
        if (values.accept === values.reject) throw new HttpError(400, 'VALIDATION', t.cli.needDecision);
        const r = await withContext(receiverConfig(base), (ctx) =>
          decidePackage(ctx, values.sha256!.toLowerCase(), values.accept === true, values.reason ?? '', cliActor()),
        );
        console.log(t.cli.decided(r.sha256, t.statusLabels[r.status]));
        return 0;
      }
      case 'export': {
        if (!values.out) throw new HttpError(400, 'VALIDATION', t.cli.needOut);
        const out = path.resolve(values.out);
        const r = await withContext(receiverConfig(base), (ctx) => exportAccepted(ctx, out, cliActor()));
        console.log(t.cli.exported(r.packages, r.offices, out));
        return 0;
      }
      case 'operator-token': {
        const name = values.name?.trim() || os.userInfo().username || 'operator';
        const token = await withContext(receiverConfig(base), (ctx) => createOperatorToken(ctx, name, cliActor()));
        console.log(t.cli.operatorToken(name));
        console.log(token);
        return 0;
      }
      case 'instruction':
        return await instruction(base, values);
      default:
        throw new HttpError(400, 'VALIDATION', `${t.cli.unknownCommand(cmd)}\n${t.cli.usage}`);
    }
  } catch (e) {
    if (e instanceof HttpError) {
      console.error(t.cli.error(e.message));
      return 1;
    }
    throw e;
  }
}
