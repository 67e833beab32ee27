// The trust list itself (services/submission/trust-store.ts), as the sync side will use it:
// addTrustAnchor is idempotent by fingerprint, audited once per change, a removed certificate is
// kept (revoked) and can be trusted again; the office's current certificate is always an anchor
// and cannot be removed; a replaced office key stays an anchor (and a removal of it stands).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyStore, passphraseProtector, certificateFingerprint, type SigningIdentity } from '../../main/services/package-format';
import {
  addTrustAnchor,
  keepPreviousOfficeCertificate,
  listTrustAnchors,
  removeTrustAnchor,
  trustAnchors,
  verifyTrustOptions,
} from '../../main/services/submission/trust-store';
import { SYSTEM_ACTOR } from '../../main/services/context';
import { newIdentity } from '../helpers/package';
import { cleanup, openTestApp, type TestApp } from '../helpers/services';

let app: TestApp;
let office: SigningIdentity;
let enrolled: SigningIdentity;
beforeAll(async () => {
  app = openTestApp();
  app.clock.set(Date.now());
  office = await newIdentity();
  enrolled = await newIdentity(Date.now(), 5, 'UBND xã Tràng Xá');
  await new KeyStore(app.dir).save(office, 'self-issued', passphraseProtector('mat-khau-khoa'), Date.now());
});
afterAll(() => {
  app.close();
  cleanup(app.dir);
});
const audits = () => app.s.db.all(app.s.db.q.selectFrom('audit_log').select(['action']).where('entity', '=', 'trusted_certificate')).map((r) => r.action);

describe('trust store', () => {
  it("starts with the office's current certificate only", async () => {
    expect((await trustAnchors(app.s)).map((a) => [a.source, a.fingerprint])).toEqual([['office', certificateFingerprint(office.certificatePem)]]);
    const list = await listTrustAnchors(app.s);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ current: true, name: 'UBND xã Phú Thượng' });
    await expect(removeTrustAnchor(app.s, SYSTEM_ACTOR, list[0]!.fingerprint)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('adds an enrolled certificate once (idempotent), removes it (kept, revoked), trusts it again', async () => {
    const a = addTrustAnchor(app.s, SYSTEM_ACTOR, { certificatePem: enrolled.certificatePem, source: 'enrolled' });
    const again = addTrustAnchor(app.s, SYSTEM_ACTOR, { certificatePem: enrolled.certificatePem, source: 'enrolled', name: 'tên khác' });
    expect(again).toEqual(a);
    expect(a).toMatchObject({ name: 'UBND xã Tràng Xá', source: 'enrolled', current: false });
    expect((await verifyTrustOptions(app.s)).trustAnchors.map((x) => x.source)).toEqual(['office', 'enrolled']);
    await removeTrustAnchor(app.s, SYSTEM_ACTOR, a.fingerprint.toUpperCase());
    expect((await trustAnchors(app.s)).map((x) => x.source)).toEqual(['office']);
    expect(
      app.s.db.first(app.s.db.q.selectFrom('trusted_certificate').select('revoked_at').where('fingerprint', '=', a.fingerprint))?.revoked_at,
    ).not.toBeNull();
    await expect(removeTrustAnchor(app.s, SYSTEM_ACTOR, a.fingerprint)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    addTrustAnchor(app.s, SYSTEM_ACTOR, { certificatePem: enrolled.certificatePem, source: 'imported' });
    expect((await trustAnchors(app.s)).map((x) => x.source)).toEqual(['office', 'imported']);
    expect(audits()).toEqual(['trust.add', 'trust.remove', 'trust.add']);
    expect(() => addTrustAnchor(app.s, SYSTEM_ACTOR, { certificatePem: 'không phải PEM', source: 'imported' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });

  it('keeps a replaced office certificate, but never re-trusts one a leader removed', async () => {
    const old = await newIdentity();
    keepPreviousOfficeCertificate(app.s, SYSTEM_ACTOR, old.certificatePem);
    keepPreviousOfficeCertificate(app.s, SYSTEM_ACTOR, old.certificatePem);
    const fp = certificateFingerprint(old.certificatePem);
    expect((await trustAnchors(app.s)).filter((x) => x.fingerprint === fp)).toHaveLength(1);
    await removeTrustAnchor(app.s, SYSTEM_ACTOR, fp);
    keepPreviousOfficeCertificate(app.s, SYSTEM_ACTOR, old.certificatePem);
    expect((await trustAnchors(app.s)).some((x) => x.fingerprint === fp)).toBe(false);
  });
});
