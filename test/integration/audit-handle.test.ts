// "A change and its audit row in one transaction" is a type: appendAudit takes the handle only
// db.tx hands out. The @ts-expect-error lines are the test — `npm test` type-checks this file, and
// an appendAudit callable without a handle would make them unused, which fails the build.
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../main/services/audit';
import { SYSTEM_ACTOR } from '../../main/services/context';
import type { WriteTx } from '../../main/db/connection';
import { cleanup, openTestApp, type TestApp } from '../helpers/services';

let app: TestApp;
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

const rows = () => (app.s.db.sqlite.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);

describe('appendAudit', () => {
  it('cannot be called without the write-transaction handle, and a handle kept past its transaction is refused', () => {
    app = openTestApp();
    const s = app.s;
    const rec = { action: 'test.audit', entity: 'test' };
    // @ts-expect-error — no handle: outside a transaction this does not compile.
    expect(() => appendAudit(s, SYSTEM_ACTOR, rec)).toThrow();
    // @ts-expect-error — an object that merely looks like one is not a handle either.
    expect(() => appendAudit({}, s, SYSTEM_ACTOR, rec)).toThrow();

    let kept: WriteTx | undefined;
    s.db.tx((w) => {
      kept = w;
      appendAudit(w, s, SYSTEM_ACTOR, rec);
    });
    expect(rows()).toEqual(['test.audit']);
    expect(() => appendAudit(kept!, s, SYSTEM_ACTOR, rec)).toThrow(/outside a transaction/);
    expect(rows()).toEqual(['test.audit']);

    // Inside a transaction that rolls back, the audit row goes with the change.
    expect(() =>
      s.db.tx((w) => {
        appendAudit(w, s, SYSTEM_ACTOR, { action: 'test.rolledBack', entity: 'test' });
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    expect(rows()).toEqual(['test.audit']);
  });
});
