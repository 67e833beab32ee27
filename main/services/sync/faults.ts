// Every way talking to the receiver can go wrong, as one error type with a Vietnamese message and
// whether the outbox should simply try again later (network, proxy, full disk …) or stop and show
// the reason until a person acts (changed local file, revoked token, forged receipt …).
import { vi } from '../../../shared/i18n/vi';

export type FaultKind =
  | 'unreachable'
  | 'dns'
  | 'timeout'
  | 'html'
  | 'tls'
  | 'cut'
  | 'full'
  | 'tooLarge'
  | 'hash'
  | 'local'
  | 'unauthorized'
  | 'server'
  | 'protocol'
  | 'receipt'
  | 'conflict'
  | 'enroll';

const RETRY: Record<FaultKind, boolean> = {
  unreachable: true,
  dns: true,
  timeout: true,
  html: true,
  tls: true,
  cut: true,
  full: true,
  server: true,
  protocol: true,
  conflict: true,
  hash: true,
  tooLarge: false,
  local: false,
  unauthorized: false,
  receipt: false,
  enroll: false,
};

export class SyncFault extends Error {
  readonly kind: FaultKind;
  readonly retry: boolean;
  /** The receiver's (or its proxy's) Retry-After on a 429/503, in ms: the next try is not sooner. */
  retryAfterMs: number | null = null;
  constructor(kind: FaultKind, message: string) {
    super(message);
    this.name = 'SyncFault';
    this.kind = kind;
    this.retry = RETRY[kind];
  }
}

/** A Retry-After longer than this (a misconfigured proxy) is not obeyed beyond it. */
export const RETRY_AFTER_MAX_MS = 60 * 60_000;

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | null {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return null;
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(0, ms));
}

const f = vi.sync.faults;
const TLS_CODES: Record<string, string> = {
  CERT_HAS_EXPIRED: f.tlsDetail.expired,
  CERT_NOT_YET_VALID: f.tlsDetail.expired,
  DEPTH_ZERO_SELF_SIGNED_CERT: f.tlsDetail.selfSigned,
  SELF_SIGNED_CERT_IN_CHAIN: f.tlsDetail.selfSigned,
  ERR_TLS_CERT_ALTNAME_INVALID: f.tlsDetail.altName,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: f.tlsDetail.untrusted,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: f.tlsDetail.untrusted,
  UNABLE_TO_GET_ISSUER_CERT: f.tlsDetail.untrusted,
};

/** A socket-level error of a request to `url`, in words; `midBody` when it broke while sending a body. */
export function classifyNetworkError(e: unknown, url: URL, midBody = false): SyncFault {
  if (e instanceof SyncFault) return e;
  const err = e as NodeJS.ErrnoException & { reason?: string };
  const code = err.code ?? '';
  const base = `${url.protocol}//${url.host}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SyncFault('dns', f.dns(url.hostname));
  if (TLS_CODES[code]) return new SyncFault('tls', f.tls(TLS_CODES[code]));
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /wrong version number|ssl|tls/i.test(err.message ?? '')) {
    const detail = /wrong version number/i.test(err.message ?? '') ? f.tlsDetail.wrongVersion : (err.reason ?? err.message ?? code);
    return new SyncFault('tls', f.tls(detail));
  }
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL')
    return new SyncFault('unreachable', f.unreachable(base));
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'SYNC_TIMEOUT') return new SyncFault('timeout', f.timeout(base));
  if (midBody || code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(err.message ?? '')) {
    return midBody ? new SyncFault('cut', f.cut) : new SyncFault('unreachable', f.unreachable(base));
  }
  return new SyncFault('unreachable', f.unreachable(base));
}

export const faultMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
