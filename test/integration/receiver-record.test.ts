// Finalize's record stage (main/receiver/record.ts) against the real database, SQLite and
// PostgreSQL: packages waiting at the same moment are recorded together, yet each receipt still
// names the audit row that recorded its own package and verifies against the receiver's
// certificate; a record that cannot be written fails alone; the group commit of SQLite's WAL
// (db/durability.ts) shares one flush between the commits waiting at the same moment.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findAuditBreak } from '../../main/receiver/audit';
import { receiverConfig } from '../../main/receiver/config';
import { openReceiverContext } from '../../main/receiver/context';
import { WalBarrier } from '../../main/receiver/db/durability';
import { verifyReceipt } from '../../main/receiver/receipts';
import { PackageRecorder, type Recording } from '../../main/receiver/record';
import { DIALECTS, OFFICE_KEY, databaseEnv, hasPostgres, stopPostgres } from '../helpers/receiver';

afterAll(() => stopPostgres());

const sha = (i: number) => i.toString(16).padStart(64, '0');

function recording(i: number, over: Partial<Recording> = {}): Recording {
  return {
    sha256: sha(i),
    client: { officeKey: OFFICE_KEY, officeTag: '0123456789abcdef', fingerprint: 'ab'.repeat(32) },
    verdict: {
      status: 'accepted',
      reasons: [],
      office: OFFICE_KEY,
      signerFingerprint: 'ab'.repeat(32),
      signerHolder: 'UBND xã Phú Thượng',
      signingTime: Date.now() - 60_000,
      kind: 'assessment',
      year: 2026,
    },
    size: 1000 + i,
    filename: `goi-${i}.zip`,
    uploadId: null,
    ...over,
  };
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(`receiver record stage (${dialect})`, () => {
    it('records packages arriving together in one transaction, each receipt naming its own audit row; a bad record fails alone', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), `kc-rx-record-${dialect}-`));
      const env = await databaseEnv(dialect);
      const ctx = await openReceiverContext(receiverConfig({ dataDir: path.join(dir, 'data'), databaseUrl: env.DATABASE_URL || null }));
      try {
        const recorder = new PackageRecorder(ctx);
        const cert = (await ctx.identity()).certificatePem;
        // Ten at once: the first starts a transaction alone, the nine that arrive meanwhile share the next.
        const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => recorder.record(recording(i + 1))));
        expect(recorder.batches).toBe(2);
        const audit = await ctx.db.selectFrom('audit').selectAll().where('action', '=', 'package.accepted').orderBy('seq').execute();
        expect(audit.map((r) => r.entity_id)).toEqual(answers.map((a) => a.sha256));
        answers.forEach((a, i) => {
          expect(a.status).toBe('accepted');
          expect(a.receipt!.receipt.auditHead).toEqual({ seq: Number(audit[i]!.seq), hash: audit[i]!.hash });
          expect(verifyReceipt(a.receipt!, cert)).toBe(true);
        });
        expect(new Set(answers.map((a) => a.receipt!.receipt.receiptId)).size).toBe(10);
        expect(await findAuditBreak(ctx.db)).toBeNull();

        // The same package again (and twice in one batch): the first record stands, same receipt.
        const again = await Promise.all([recorder.record(recording(3)), recorder.record(recording(11)), recorder.record(recording(11))]);
        expect(again[0]).toEqual(answers[2]);
        expect(again[2]).toEqual(again[1]);

        // A record the database refuses (no file name) fails alone; the others in its batch are kept.
        const mixed = await Promise.allSettled([
          recorder.record(recording(20)),
          recorder.record(recording(21, { filename: null as unknown as string })),
          recorder.record(recording(22)),
        ]);
        expect(mixed.map((m) => m.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        const stored = await ctx.db
          .selectFrom('package')
          .select('sha256')
          .where('sha256', 'in', [sha(20), sha(21), sha(22)])
          .execute();
        expect(stored.map((r) => r.sha256).sort()).toEqual([sha(20), sha(22)]);
        expect(await findAuditBreak(ctx.db)).toBeNull();
      } finally {
        await ctx.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

describe('SQLite group commit', () => {
  it('shares one flush of the -wal between the commits waiting at the same moment', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-rx-barrier-'));
    const ctx = await openReceiverContext(receiverConfig({ dataDir: path.join(dir, 'data'), databaseUrl: null }));
    try {
      const barrier = ctx.rdb.durable as WalBarrier;
      expect(barrier).toBeInstanceOf(WalBarrier);
      await ctx.db.insertInto('office').values({ key: 'A/B/C', tag: '0123456789abcdef', created_at: 1 }).execute();
      const before = barrier.syncs;
      // Twenty commits waiting at once share one flush.
      await Promise.all(Array.from({ length: 20 }, () => barrier.flush()));
      expect(barrier.syncs - before).toBe(1);
      await barrier.flush();
      expect(barrier.syncs - before).toBe(2);
    } finally {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
