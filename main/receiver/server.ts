// The province's receiver (DESIGN §7, issue 9 §2): node:http serving tus uploads under
// /v1/uploads/ and a small JSON API, every body checked against shared/sync/protocol.ts. State
// lives only in the database and the package store, so several instances can run behind a load
// balancer over PostgreSQL (the per-office upload counter is per process; see config.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import {
  API_PREFIX,
  SYNC_PROTOCOL_VERSION,
  UPLOADS_PATH,
  decisionRequest,
  enrollRequest,
  enrollResponse,
  healthResponse,
  officeOverviewResponse,
  packageListResponse,
  packageStatusResponse,
  receiverStatuses,
  sha256Hex,
  type ReceiverStatus,
} from '../../shared/sync/protocol';
import { authenticateClient, authenticateOperator } from './auth';
import { type ReceiverConfig } from './config';
import { openReceiverContext, type ReceiverContext } from './context';
import { enroll } from './enroll';
import { finalizePackage, packageStatus } from './finalize';
import { HttpError, readJson, sendError, sendParsed } from './http';
import { servePage } from './operator-page';
import { packageView, sendPackageMember } from './package-view';
import { operatorPackageView } from '../../shared/sync/operator-view';
import { decidePackage, httpStatusOf, listPackages, officeOverview, sendPackageFile } from './packages';
import { type PackageStore } from './store';
import { stageClock, writeTimings } from './timings';
import { createUploads, type Uploads } from './uploads';
import { APPRAISALS_PATH, appraisalListResponse } from '../../shared/sync/appraisal';
import { officeAppraisals } from './appraisals';

export interface RunningReceiver {
  url: string;
  host: string;
  port: number;
  ctx: ReceiverContext;
  /** Removes incomplete uploads past their expiry (also run hourly); returns how many. */
  cleanUpUploads(): Promise<number>;
  close(): Promise<void>;
}

const PACKAGE_ROUTE = new RegExp(`^${API_PREFIX}/packages/([^/]+)/(finalize|status|decision|file|view)$`);

function shaParam(raw: string): string {
  const s = decodeURIComponent(raw);
  if (!sha256Hex.safeParse(s).success) throw new HttpError(400, 'BAD_SHA256', t.http.badSha256);
  return s;
}

function route(ctx: ReceiverContext, uploads: Uploads) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const p = url.pathname;
    const method = req.method ?? 'GET';

    if (p === UPLOADS_PATH || p.startsWith(UPLOADS_PATH) || p === UPLOADS_PATH.slice(0, -1)) {
      if (method === 'OPTIONS') return uploads.handle(req, res, { officeKey: '', officeTag: '', fingerprint: '' });
      const client = await authenticateClient(ctx, req);
      return uploads.handle(req, res, client);
    }
    if (p === `${API_PREFIX}/health` && method === 'GET') {
      return sendParsed(res, 200, healthResponse, { ok: true, time: ctx.now(), version: SYNC_PROTOCOL_VERSION, receiver: 'kiemchung-receiver' });
    }
    if (p === `${API_PREFIX}/enroll` && method === 'POST') {
      const body = await readJson(req, enrollRequest, 128 * 1024);
      return sendParsed(res, 200, enrollResponse, await enroll(ctx, body));
    }
    const m = PACKAGE_ROUTE.exec(p);
    if (m) {
      const sha = shaParam(m[1]!);
      if (m[2] === 'finalize' && method === 'POST') {
        const clock = stageClock();
        const client = await authenticateClient(ctx, req);
        req.resume(); // no body is expected; drain whatever came
        clock?.mark('auth');
        const r = await finalizePackage(ctx, uploads, client, sha, clock);
        sendParsed(res, httpStatusOf(r.status), packageStatusResponse, r);
        clock?.mark('answer');
        clock?.done();
        return;
      }
      if (m[2] === 'status' && method === 'GET') {
        const client = await authenticateClient(ctx, req);
        const r = await packageStatus(ctx, client, sha);
        return sendParsed(res, httpStatusOf(r.status), packageStatusResponse, r);
      }
      if (m[2] === 'decision' && method === 'POST') {
        const op = await authenticateOperator(ctx, req);
        const body = await readJson(req, decisionRequest);
        return sendParsed(res, 200, packageStatusResponse, await decidePackage(ctx, sha, body.accept, body.reason, `operator:${op.name}`));
      }
      if (m[2] === 'file' && method === 'GET') {
        await authenticateOperator(ctx, req);
        // ?path=data/… : one file inside the package (operator view), else the whole zip.
        const inner = url.searchParams.get('path');
        return inner === null ? sendPackageFile(ctx, sha, res) : sendPackageMember(ctx, sha, inner, res);
      }
      if (m[2] === 'view' && method === 'GET') {
        await authenticateOperator(ctx, req);
        return sendParsed(res, 200, operatorPackageView, await packageView(ctx, sha));
      }
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', t.http.methodNotAllowed);
    }
    // The council's results the operator imported for the calling office (issue 10).
    if (p === APPRAISALS_PATH && method === 'GET') {
      const client = await authenticateClient(ctx, req);
      return sendParsed(res, 200, appraisalListResponse, { appraisals: await officeAppraisals(ctx, client.officeKey) });
    }
    if (p === `${API_PREFIX}/packages` && method === 'GET') {
      await authenticateOperator(ctx, req);
      const s = url.searchParams.get('status');
      if (s !== null && !receiverStatuses.includes(s as ReceiverStatus)) throw new HttpError(400, 'VALIDATION', t.cli.badStatus);
      return sendParsed(res, 200, packageListResponse, { packages: await listPackages(ctx, (s as ReceiverStatus | null) ?? undefined) });
    }
    if (p === `${API_PREFIX}/offices` && method === 'GET') {
      await authenticateOperator(ctx, req);
      const y = url.searchParams.get('year');
      return sendParsed(res, 200, officeOverviewResponse, await officeOverview(ctx, y ? Number(y) : undefined));
    }
    if (method === 'GET' && servePage(p, res)) return;
    throw new HttpError(404, 'NOT_FOUND', t.http.notFound);
  };
}

/** Opens the database and store, starts listening; `port: 0` picks a free port (see `url`). */
export async function startReceiver(config: ReceiverConfig, opts: { store?: PackageStore } = {}): Promise<RunningReceiver> {
  const ctx = await openReceiverContext(config, opts.store);
  try {
    await ctx.identity(); // made (or loaded) before the first request needs it
    const uploads = createUploads(ctx);
    const handler = route(ctx, uploads);
    const server = createServer((req, res) => {
      handler(req, res).catch((e: unknown) => sendError(res, e));
    });
    // A PATCH of a large chunk on a slow line may take long: no overall request deadline, but an
    // idle connection is dropped after two minutes (tus resumes from the acknowledged offset).
    server.requestTimeout = 0;
    server.headersTimeout = 60_000;
    server.setTimeout(120_000);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const cleanup = setInterval(() => void uploads.cleanUp().catch(() => undefined), 3_600_000);
    cleanup.unref();
    const addr = server.address() as AddressInfo;
    const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    return {
      url: `http://${shownHost}:${addr.port}/`,
      host: addr.address,
      port: addr.port,
      ctx,
      cleanUpUploads: () => uploads.cleanUp(),
      close: async () => {
        clearInterval(cleanup);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // Uploads in flight are cut: their bytes so far are kept and the app resumes (HEAD).
          setTimeout(() => server.closeAllConnections(), 2_000).unref();
        });
        await ctx.close();
        await writeTimings();
      },
    };
  } catch (e) {
    await ctx.close();
    throw e;
  }
}
