// The receiver's settings: where its data lives, how it is reached, its limits. Everything that
// matters across instances is in the database (SQLite file here, or PostgreSQL via DATABASE_URL)
// and the package store; the data folder also holds the receiver's signing identity and the
// partial tus uploads.
import path from 'node:path';

export const GiB = 1024 * 1024 * 1024;

export interface ReceiverConfig {
  dataDir: string;
  /** PostgreSQL connection string; null → SQLite file `receiver.sqlite` in dataDir. */
  databaseUrl: string | null;
  host: string;
  port: number;
  /** Largest upload accepted (bytes); default 2 GiB. */
  maxUploadBytes: number;
  /**
   * PATCH requests one office may have in flight at once. Counted per process: with several
   * instances behind a load balancer the effective limit is this times the instance count.
   */
  maxConcurrentUploadsPerOffice: number;
  /** Unfinished uploads one office may hold (each reserves disk space until finalized or expired). */
  maxOpenUploadsPerOffice: number;
  /** Days an enrollment code stays valid when none is given. */
  enrollCodeDays: number;
  /** Incomplete tus uploads older than this are removed (ms). */
  uploadExpiryMs: number;
  /** Epoch ms; injectable for tests. */
  now: () => number;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 4320,
  maxUploadBytes: 2 * GiB,
  maxConcurrentUploadsPerOffice: 2,
  maxOpenUploadsPerOffice: 20,
  enrollCodeDays: 7,
  uploadExpiryMs: 14 * 86_400_000,
} as const;

export function receiverConfig(opts: Partial<ReceiverConfig> & { dataDir: string }): ReceiverConfig {
  const envMax = Number(process.env.KIEMCHUNG_RECEIVER_MAX_BYTES);
  return {
    databaseUrl: process.env.DATABASE_URL || null,
    host: DEFAULTS.host,
    port: DEFAULTS.port,
    maxUploadBytes: Number.isSafeInteger(envMax) && envMax > 0 ? envMax : DEFAULTS.maxUploadBytes,
    maxConcurrentUploadsPerOffice: DEFAULTS.maxConcurrentUploadsPerOffice,
    maxOpenUploadsPerOffice: DEFAULTS.maxOpenUploadsPerOffice,
    enrollCodeDays: DEFAULTS.enrollCodeDays,
    uploadExpiryMs: DEFAULTS.uploadExpiryMs,
    now: () => Date.now(),
    ...opts,
    dataDir: path.resolve(opts.dataDir),
  };
}

/** Fixed places inside the data folder. */
export const dataPaths = (dataDir: string) => ({
  sqlite: path.join(dataDir, 'receiver.sqlite'),
  uploads: path.join(dataDir, 'uploads'),
  store: path.join(dataDir, 'store'),
  privateKey: path.join(dataDir, 'receiver-key.pem'),
  certificate: path.join(dataDir, 'receiver-cert.pem'),
});
