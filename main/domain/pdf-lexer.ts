// Lexical pieces of the PDF signature scanner (pdf-signature.ts): byte classes, number tests and
// the per-dictionary state it keeps. Pure.

// Byte classes (PDF 32000 §7.2.2): 0 regular, 1 white-space, 2 delimiter.
export const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

export const ENDSTREAM = Uint8Array.from('endstream', (c) => c.charCodeAt(0));

export const isInteger = (t: string) => /^[+-]?\d+$/.test(t);
export const isNumber = (t: string) => /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t);
export const decodeName = (n: string) => (n.includes('#') ? n.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : n);

/** What the scanner knows of one open dictionary. */
export interface Frame {
  obj: string | null; // "12 0" of the enclosing indirect object
  ordinal: number; // position among the dictionaries of that object
  key: string | null;
  expectValue: boolean;
  arrayDepth: number;
  arrayKey: string | null;
  brNumbers: number;
  brOthers: number;
  brValues: number[]; // the first four integers of /ByteRange
  refKey: string | null;
  refNums: string[];
  type: string | null;
  ft: string | null;
  hasFilter: boolean;
  byteRange: 'none' | 'ok' | 'bad';
  contents: 'none' | 'ok' | 'zero';
  contentsSpan: [number, number] | null; // file offsets of a hex /Contents, "<" to after ">"
  vRef: string | null;
}

export function newFrame(obj: string | null, ordinal: number): Frame {
  return {
    obj,
    ordinal,
    key: null,
    expectValue: false,
    arrayDepth: 0,
    arrayKey: null,
    brNumbers: 0,
    brOthers: 0,
    brValues: [],
    refKey: null,
    refNums: [],
    type: null,
    ft: null,
    hasFilter: false,
    byteRange: 'none',
    contents: 'none',
    contentsSpan: null,
    vRef: null,
  };
}
