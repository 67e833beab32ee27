import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, findChainBreak, rowHash, type ChainedRow } from '../../main/domain/audit-chain';

function chain(n: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const c = {
      seq: i,
      at: 1000 * i,
      userId: 1,
      actorName: 'Lan',
      action: 'user.update',
      entity: 'user',
      entityId: String(i),
      beforeJson: '{"a":1}',
      afterJson: `{"a":${i}}`,
    };
    const hash = rowHash(prev, c);
    rows.push({ ...c, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(findChainBreak(chain(5))).toBeNull();
  });
  it('names the row whose content was edited', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, afterJson: '{"a":999}' };
    expect(findChainBreak(rows)).toEqual({ seq: 3, kind: 'tampered' });
  });
  it('detects a deleted row as a broken link at the next row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findChainBreak(rows)).toEqual({ seq: 3, kind: 'unlinked' });
  });
  it('detects a row rewritten with a recomputed own hash (the next link breaks)', () => {
    const rows = chain(4);
    const edited = { ...rows[1]!, actorName: 'Kẻ gian' };
    edited.hash = rowHash(edited.prevHash, edited);
    rows[1] = edited;
    expect(findChainBreak(rows)).toEqual({ seq: 3, kind: 'unlinked' });
  });
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
