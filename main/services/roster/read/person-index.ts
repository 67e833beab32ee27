// Who has been seen already, across the sheets of one file: first occurrence of each person,
// keyed by a hash of their personKey (name, birth year, commune).

/** A row's place: sheet index and index in its rows packed in one small integer, no object per row. */
export const ROW_BITS = 2 ** 21;

/** FNV-1a over UTF-16 units, continuing from `h`. */
export function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** A person's hash from the parts of their personKey, folded to 31 bits so V8 keeps it a small integer. */
export const personHash = (foldedName: string, year: number | null, communeHash: number): number =>
  Math.imul(Math.imul(fnv(foldedName) ^ (year ?? 0), 0x01000193) ^ communeHash, 0x01000193) >>> 1;

/**
 * First occurrence of each person. Keyed by a hash of the personKey's parts rather than by the
 * key: 100 000 key strings were a third of what a province import keeps alive, and building them
 * a tenth of its time. A hash hit is checked against both rows' full keys; a true collision goes
 * to a small map of full keys.
 */
export class PersonIndex {
  private readonly byHash = new Map<number, number>();
  private readonly collided = new Map<string, number>();
  constructor(private readonly keyAt: (packed: number) => string) {}

  /** The earlier place of the person, or undefined after recording `packed` as their first. */
  firstOrAdd(h: number, key: () => string, packed: number): number | undefined {
    const at = this.byHash.get(h);
    if (at === undefined) {
      this.byHash.set(h, packed);
      return undefined;
    }
    const k = key();
    if (this.keyAt(at) === k) return at;
    const other = this.collided.get(k);
    if (other === undefined) this.collided.set(k, packed);
    return other;
  }

  find(h: number, key: () => string): number | undefined {
    const at = this.byHash.get(h);
    if (at === undefined) return undefined;
    const k = key();
    return this.keyAt(at) === k ? at : this.collided.get(k);
  }
}
