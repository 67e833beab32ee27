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
import { viCli as t } from '../../shared/i18n/vi/cli';
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

const rendererDir = () => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

function printDemo(accounts: { username: string; fullName: string; position: string }[], password: string, year: number, roundName: string) {
  console.log(t.demo.created);
  console.log(t.demo.assessment(year));
  console.log(t.demo.appraisal(year - 1));
  console.log(t.demo.exam(roundName));
  console.log(t.demo.password(password));
  for (const a of accounts) console.log(`  ${a.username.padEnd(12)} ${a.fullName} — ${a.position}`);
  console.log(t.demo.testOnly);
}

/** Reads a secret from the terminal without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error(t.passphrase.needTty);
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
  console.log(t.criteria.set(meta.name, meta.decision));
  console.log(t.criteria.counts(check.nodes.length, formatPoints(check.totalMax)));
  for (const e of check.errors) console.log(t.criteria.error([e.source, e.code].filter(Boolean).join(' · '), e.message));
  for (const w of check.warnings) console.log(t.criteria.warning([w.source, w.code].filter(Boolean).join(' · '), w.message));
  console.log(t.criteria.verdict(file, check.errors.length, check.warnings.length));
}

/** `package build --kind exam`: one round of the year (or --round), its results signed into a package. */
async function buildExamCli(values: { year?: string; round?: string; out?: string; 'data-dir'?: string; 'allow-incomplete'?: boolean }): Promise<number> {
  const year = values.year === undefined ? null : Number(values.year);
  if (year !== null && !Number.isInteger(year)) throw new Error(t.package.needYearExam);
  if (!values.out) throw new Error(t.package.needOut);
  const { buildExamPackage, pickExamRound } = await import('../services/submission/build-exam');
  const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
  try {
    // Pick the round before asking for the passphrase: a wrong year should not cost a prompt.
    const roundId = pickExamRound(s, year, values.round);
    const passphrase = process.env.KIEMCHUNG_KEY_PASSPHRASE ?? (await askHidden(t.passphrase.prompt));
    const built = await buildExamPackage(s, SYSTEM_ACTOR, roundId, passphrase, undefined, { allowIncomplete: values['allow-incomplete'] === true });
    await copyFile(path.join(s.dataDir, 'packages', built.fileName), path.resolve(values.out));
    console.log(t.package.builtExam(path.resolve(values.out), built.bagName, built.payloadFiles, built.sha256));
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
      console.log(t.serve.noBrowser);
    })
    .unref();
}

async function serve(flags: { port?: string; 'data-dir'?: string; open?: boolean; demo?: boolean; lan?: boolean; host?: string; 'local-port'?: string }) {
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
  // With --lan, --port is the office network's HTTPS port and --local-port the 127.0.0.1 one.
  const localPort = flags.lan ? flags['local-port'] : flags.port;
  const port = localPort !== undefined ? Number(localPort) : 4310;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(t.serve.badPort(flags.port));
  const host = await startHost({ services, router, rendererDir: rendererDir(), port }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new Error(t.serve.portInUse(port));
    throw e;
  });
  console.log(t.serve.running(host.url));
  for (const line of await (await import('../host/lan-cli')).serveLan(services, router, rendererDir(), flags)) console.log(line);
  console.log(t.serve.dataDir(dataDir));
  console.log(t.serve.logFile(setLogFile(dataDir)));
  console.log(t.serve.stopHint);
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
  // `inspection` and `training` (issue 15) have their own options too: parsed in cli/inspection-training.ts.
  if (argv[0] === 'inspection' || argv[0] === 'training') return (await import('./inspection-training')).runInspectionTrainingCli(argv[0], argv.slice(1));
  // `appraisal` / `plan` (the council's results, the improvement plan): parsed in cli/appraisal.ts.
  if (argv[0] === 'appraisal' || argv[0] === 'plan') return (await import('./appraisal')).runAppraisalCli(argv);
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean' },
      demo: { type: 'boolean' },
      lan: { type: 'boolean' },
      host: { type: 'string' },
      'local-port': { type: 'string' },
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
    console.log(t.help);
    return values.help ? 0 : 1;
  }
  switch (cmd) {
    case 'serve':
      await serve(values);
      return -1; // keep running
    case 'demo': {
      if (!values['data-dir'] && !process.env.KIEMCHUNG_DATA_DIR) throw new Error(t.demo.needDataDir);
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
      if (!file || (sub !== 'check' && sub !== 'import')) throw new Error(t.criteria.usage);
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
        console.log(t.criteria.imported(set.name, set.id, set.nodeCount, set.leafCount));
        return 0;
      } finally {
        s.db.close();
      }
    }
    case 'assessment': {
      if (sub !== 'export-summary') throw new Error(t.assessment.usage);
      const year = Number(values.year);
      const format = values.format;
      if (!Number.isInteger(year)) throw new Error(t.package.needYear);
      if (format !== 'xlsx' && format !== 'pdf') throw new Error(t.assessment.needFormat);
      if (!values.out) throw new Error(t.assessment.needOut);
      const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
      try {
        const a = s.db.first(s.db.q.selectFrom('assessment').select('id').where('year', '=', year));
        if (!a) throw new Error(t.assessment.none(year));
        const { exportSummaryTo } = await import('../services/assessment/summary-export');
        await exportSummaryTo(s, a.id, format, values.out);
        console.log(t.assessment.exported(year, path.resolve(values.out)));
        return 0;
      } finally {
        s.db.close();
      }
    }
    case 'roster': {
      const { importRosterFile, exportRosterTo } = await import('../services/exam/roster-io');
      if (!values.round) throw new Error(t.roster.needRound);
      const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
      try {
        if (sub === 'import') {
          const file = positionals[2];
          if (!file) throw new Error(t.roster.importUsage);
          const existed = findRoundByName(s, values.round);
          const r = await importRosterFile(s, SYSTEM_ACTOR, path.resolve(file), path.basename(file), existed ? existed.id : { createName: values.round });
          if (!existed) console.log(t.roster.roundCreated(r.round.name));
          for (const [form, n] of Object.entries(r.imported)) console.log(t.roster.formCount(form, n));
          for (const w of r.warnings) console.log(t.roster.note(w));
          console.log(t.roster.imported(r.round.name));
          return 0;
        }
        if (sub === 'export') {
          const form = values.form;
          if (!form || !/^0[1-5]$/.test(form)) throw new Error(t.roster.needForm);
          if (!values.out) throw new Error(t.roster.needOut);
          const round = findRoundByName(s, values.round);
          if (!round) throw new Error(t.roster.noRound(values.round));
          const format = values.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx';
          await exportRosterTo(s, round.id, form as FormNo, format, values.out);
          console.log(t.roster.exported(form, round.name, path.resolve(values.out)));
          return 0;
        }
        throw new Error(t.roster.usage);
      } finally {
        s.db.close();
      }
    }
    case 'package': {
      const { buildAssessmentPackage } = await import('../services/submission/build');
      if (sub === 'verify') {
        const file = positionals[2];
        if (!file) throw new Error(t.package.verifyUsage);
        return (await import('./package-verify')).verifyCli(file, values);
      }
      if (sub === 'build') {
        const kind = values.kind ?? 'assessment';
        if (kind !== 'assessment' && kind !== 'exam') throw new Error(t.package.badKind(kind));
        if (kind === 'exam') return buildExamCli(values);
        const year = Number(values.year);
        if (!Number.isInteger(year)) throw new Error(t.package.needYear);
        if (!values.out) throw new Error(t.package.needOut);
        const passphrase = process.env.KIEMCHUNG_KEY_PASSPHRASE ?? (await askHidden(t.passphrase.prompt));
        const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
        try {
          const a = s.db.first(s.db.q.selectFrom('assessment').select('id').where('year', '=', year));
          if (!a) throw new Error(t.assessment.none(year));
          const built = await buildAssessmentPackage(s, SYSTEM_ACTOR, a.id, passphrase);
          await copyFile(path.join(s.dataDir, 'packages', built.fileName), path.resolve(values.out));
          console.log(t.package.built(path.resolve(values.out), built.payloadFiles, built.sha256));
          return 0;
        } finally {
          s.db.close();
        }
      }
      throw new Error(t.package.usage);
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
      throw new Error(t.unknownDb(sub ?? ''));
    default:
      throw new Error(t.unknownCommand(cmd));
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    const msg = e instanceof ApiError || e instanceof Error ? e.message : String(e);
    console.error(t.error(msg));
    if (e instanceof ApiError) for (const i of e.issues ?? []) console.error(`  ${i.path ? i.path + ': ' : ''}${i.message}`);
    process.exit(1);
  },
);
