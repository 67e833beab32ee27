// The audit chain's anchor outside the database: after each committed change, the chain's head
// (seq and hash) is appended to a small text file in the data folder. Someone who rewrites the
// database — deletes the last rows, or edits a row and recomputes every later hash — cannot make
// it agree with the lines already written here (nor with the heads signed into packages).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ANCHOR_FILE = 'audit-anchor.txt';

export interface Anchor {
  seq: number;
  hash: string;
  /** 1-based line in the file, for messages. */
  line: number;
}

export const anchorPath = (dataDir: string) => path.join(dataDir, ANCHOR_FILE);

export function appendAnchor(dataDir: string, seq: number, hash: string): void {
  // No fsync: the database commit before it is durable; a line lost at a power cut only weakens
  // the check for that row, it never raises a false alarm.
  appendFileSync(anchorPath(dataDir), `${seq} ${hash}\n`, { mode: 0o600 });
}

/** The anchors on record (lines that do not parse are skipped: a torn last line after a crash). */
export function readAnchors(dataDir: string): Anchor[] {
  const file = anchorPath(dataDir);
  if (!existsSync(file)) return [];
  const out: Anchor[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = /^(\d+) ([0-9a-f]{64})$/.exec(l.trim());
      if (m) out.push({ seq: Number(m[1]), hash: m[2]!, line: i + 1 });
    });
  return out;
}
