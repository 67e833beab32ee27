// Does a PDF carry a digital signature? The pre-submission check "PDF chưa ký số" (doc 001:
// "Các file điện tử của tài liệu kiểm chứng … phải có chữ ký số"). Pure and streaming: the
// service feeds chunks of a file that may be hundreds of MB, and nothing is kept but a few
// bytes of lexer state. This scanner finds signature dictionaries by syntax (result()) and
// remembers where their /ByteRange and /Contents are (candidates()); the flag shown to users
// ("PDF đã ký số") is set only when a candidate passes pdf-signature-verify.ts against the file.
//
// What result() counts as a signature (by syntax):
// - a signature dictionary: /Type /Sig (or no /Type but a /Filter, since /Type is optional in a
//   signature dictionary) with /ByteRange (an array of at least 4 numbers, in pairs) and
//   /Contents (a string that is not all zeros). /Type /DocTimeStamp (a document time-stamp) is
//   not a person's signature and does not count. An unfilled placeholder — /ByteRange with
//   '/**********' names, or /Contents <0000…> — does not count either;
// - or a signature field (/FT /Sig) whose /V is an indirect reference, unless it points to a
//   placeholder seen in the file or to a signature dictionary already counted.
// The count is of distinct objects, so an object rewritten by an incremental update is counted once.
//
// Object streams (/ObjStm): the scanner skips stream data, so a dictionary stored compressed in
// an object stream is invisible. ISO 32000-1 §7.5.7 does not list signature dictionaries among
// the objects that "shall not" be in an object stream, but a signature dictionary cannot work
// there: /ByteRange gives file offsets that must bracket the /Contents hex string exactly, and
// the signer patches /ByteRange and /Contents into the file after writing it, which would change
// a compressed stream. So in every signed file the signature dictionary, with /ByteRange and
// /Contents, is in clear text; the signature *field* may be compressed, which is why it is only
// a secondary signal.
//
// Chunk boundaries: the lexer is a byte-level state machine whose state survives between push()
// calls, so a token split anywhere ("/ByteR" | "ange", "<30" | "82…>") is read as one; only the
// search for "endstream" while skipping stream data keeps a tail of 8 bytes.

import { CLASS, ENDSTREAM, decodeName, isInteger, isNumber, newFrame, type Frame } from './pdf-lexer';

/** A signature dictionary's /ByteRange (4 integers) and the file span of its /Contents hex string, "<" to after ">". */
export interface SignatureCandidate {
  byteRange: number[];
  contentsStart: number;
  contentsEnd: number;
}

export interface PdfSignatureScanner {
  push(chunk: Uint8Array): void;
  /** Signature dictionaries by syntax alone: not proof of a signature (see candidates()). */
  result(): { signed: boolean; signatureCount: number };
  /** The last MAX_CANDIDATES signature dictionaries whose /ByteRange and /Contents can be checked against the file. */
  candidates(): SignatureCandidate[];
}

const MAX_TOKEN = 64;
const MAX_DEPTH = 64;
const MAX_CANDIDATES = 16;

// Lexer states (plain constants rather than an enum: type-stripping loaders reject enums).
const S = { Normal: 0, Comment: 1, Name: 2, Token: 3, Literal: 4, Hex: 5, LessThan: 6, GreaterThan: 7, Stream: 8 } as const;
type State = (typeof S)[keyof typeof S];

class Scanner implements PdfSignatureScanner {
  private state: State = S.Normal;
  private text = ''; // name or token being read
  private litDepth = 0;
  private litEscape = false;
  private litLength = 0;
  private hexNonZero = false;
  private streamTail = new Uint8Array(0);
  private base = 0; // file offset of the chunk being read
  private hexStart = -1; // file offset of the "<" of the hex string being read

  private stack: Frame[] = [];
  private overflow = 0;
  private topNums: string[] = [];
  private obj: string | null = null;
  private ordinal = 0;

  private readonly signatures = new Set<string>(); // "obj#ordinal" of valid signature dictionaries
  private readonly signatureObjs = new Set<string>();
  private readonly rejectedObjs = new Set<string>(); // placeholders and other unusable /Type /Sig objects
  private readonly fieldRefs = new Set<string>();
  private readonly found: SignatureCandidate[] = [];

  push(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.state === S.Stream) {
        i = this.skipStream(chunk, i);
        continue;
      }
      const c = chunk[i]!;
      switch (this.state) {
        case S.Normal:
          if (c === 0x3c) this.hexStart = this.base + i;
          this.normal(c);
          break;
        case S.Comment:
          if (c === 0x0a || c === 0x0d) this.state = S.Normal;
          break;
        case S.Name:
        case S.Token: {
          let j = i;
          while (j < n && CLASS[chunk[j]!] === 0) j++;
          const end = Math.min(j, i + MAX_TOKEN - this.text.length);
          for (let k = i; k < end; k++) this.text += String.fromCharCode(chunk[k]!);
          if (j < n) this.finishWord(); // the delimiter at j is read again in the new state
          i = j;
          continue;
        }
        case S.Literal:
          this.literal(c);
          break;
        case S.Hex: {
          // Signature values are kilobytes of hex: find the end natively once a non-zero digit is seen.
          if (this.hexNonZero) {
            const end = chunk.indexOf(0x3e, i);
            if (end < 0) {
              i = n;
              continue;
            }
            i = end;
          }
          const h = chunk[i]!;
          if (h === 0x3e) {
            this.state = S.Normal;
            this.valueString(this.hexNonZero, this.base + i + 1);
          } else if (CLASS[h] !== 1 && h !== 0x30) this.hexNonZero = true;
          break;
        }
        case S.LessThan:
          if (c === 0x3c) {
            this.state = S.Normal;
            this.dictOpen();
          } else {
            this.state = S.Hex;
            this.hexNonZero = false;
            continue;
          }
          break;
        case S.GreaterThan:
          this.state = S.Normal;
          if (c === 0x3e) this.dictClose();
          else continue;
          break;
      }
      i++;
    }
    this.base += n;
  }

  result(): { signed: boolean; signatureCount: number } {
    let count = this.signatures.size;
    for (const ref of this.fieldRefs) if (!this.signatureObjs.has(ref) && !this.rejectedObjs.has(ref)) count++;
    return { signed: count > 0, signatureCount: count };
  }

  candidates(): SignatureCandidate[] {
    return this.found.map((c) => ({ ...c, byteRange: [...c.byteRange] }));
  }

  private normal(c: number): void {
    switch (c) {
      case 0x25: // %
        this.state = S.Comment;
        return;
      case 0x2f: // /
        this.state = S.Name;
        this.text = '';
        return;
      case 0x28: // (
        this.state = S.Literal;
        this.litDepth = 1;
        this.litEscape = false;
        this.litLength = 0;
        return;
      case 0x3c: // <
        this.state = S.LessThan;
        return;
      case 0x3e: // >
        this.state = S.GreaterThan;
        return;
      case 0x5b: // [
        this.arrayOpen();
        return;
      case 0x5d: // ]
        this.arrayClose();
        return;
    }
    if (CLASS[c] === 0) {
      this.state = S.Token;
      this.text = String.fromCharCode(c);
    }
  }

  private literal(c: number): void {
    if (this.litEscape) this.litEscape = false;
    else if (c === 0x5c) this.litEscape = true;
    else if (c === 0x28) this.litDepth++;
    else if (c === 0x29 && --this.litDepth === 0) {
      this.state = S.Normal;
      this.valueString(this.litLength > 0);
      return;
    }
    this.litLength++;
  }

  /** Skips stream data up to and including "endstream"; returns the index to continue from. */
  private skipStream(chunk: Uint8Array, from: number): number {
    const tail = this.streamTail;
    if (tail.length) {
      // "endstream" split between the previous chunk(s) and this one.
      const joined = new Uint8Array(tail.length + Math.min(ENDSTREAM.length - 1, chunk.length - from));
      joined.set(tail);
      joined.set(chunk.subarray(from, from + joined.length - tail.length), tail.length);
      const at = Buffer.from(joined.buffer, joined.byteOffset, joined.length).indexOf(ENDSTREAM);
      if (at >= 0) {
        this.endStream();
        return from + at + ENDSTREAM.length - tail.length;
      }
    }
    const at = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).indexOf(ENDSTREAM, from);
    if (at >= 0) {
      this.endStream();
      return at + ENDSTREAM.length;
    }
    const keep = ENDSTREAM.length - 1;
    const rest = chunk.subarray(from);
    if (rest.length >= keep) this.streamTail = rest.slice(rest.length - keep);
    else {
      const joined = new Uint8Array(tail.length + rest.length);
      joined.set(tail);
      joined.set(rest, tail.length);
      this.streamTail = joined.slice(Math.max(0, joined.length - keep));
    }
    return chunk.length;
  }

  private endStream(): void {
    this.state = S.Normal;
    this.streamTail = new Uint8Array(0);
  }

  private finishWord(): void {
    const word = this.text;
    const wasName = this.state === S.Name;
    this.state = S.Normal;
    this.text = '';
    if (wasName) this.onName(decodeName(word));
    else this.onToken(word);
  }

  private top(): Frame | undefined {
    return this.overflow ? undefined : this.stack[this.stack.length - 1];
  }

  private onToken(t: string): void {
    if (this.overflow) return;
    const f = this.stack[this.stack.length - 1];
    if (!f) {
      if (isInteger(t)) {
        this.topNums.push(t);
        if (this.topNums.length > 2) this.topNums.shift();
        return;
      }
      if (t === 'obj' && this.topNums.length === 2) {
        this.obj = `${+this.topNums[0]!} ${+this.topNums[1]!}`;
        this.ordinal = 0;
      } else if (t === 'endobj') this.obj = null;
      else if (t === 'stream') this.state = S.Stream;
      this.topNums = [];
      return;
    }
    if (f.arrayDepth > 0) {
      if (f.arrayDepth === 1 && f.arrayKey === 'ByteRange') {
        if (isNumber(t)) f.brNumbers++;
        else f.brOthers++;
        if (isInteger(t) && f.brValues.length < 4) f.brValues.push(Number(t));
      }
      return;
    }
    if (f.expectValue) {
      f.expectValue = false;
      if (isInteger(t)) {
        // Possibly the start of an indirect reference "12 0 R".
        f.refKey = f.key;
        f.refNums = [t];
        // An indirect /ByteRange or /Contents cannot be checked here; take it as present.
        if (f.key === 'ByteRange') f.byteRange = 'ok';
        if (f.key === 'Contents') f.contents = 'ok';
      }
      return;
    }
    if (isInteger(t) && f.refNums.length === 1) f.refNums.push(t);
    else {
      if (t === 'R' && f.refNums.length === 2 && f.refKey === 'V') f.vRef = `${+f.refNums[0]!} ${+f.refNums[1]!}`;
      f.refNums = [];
    }
  }

  private onName(name: string): void {
    this.topNums = [];
    const f = this.top();
    if (!f) return;
    f.refNums = [];
    if (f.arrayDepth > 0) {
      if (f.arrayDepth === 1 && f.arrayKey === 'ByteRange') f.brOthers++;
      return;
    }
    if (!f.expectValue) {
      f.key = name;
      f.expectValue = true;
      return;
    }
    f.expectValue = false;
    if (f.key === 'Type') f.type = name;
    else if (f.key === 'FT') f.ft = name;
    else if (f.key === 'Filter') f.hasFilter = true;
  }

  private valueString(nonEmpty: boolean, hexEnd?: number): void {
    this.topNums = [];
    const f = this.top();
    if (!f || f.arrayDepth > 0 || !f.expectValue) return;
    f.expectValue = false;
    if (f.key !== 'Contents') return;
    f.contents = nonEmpty ? 'ok' : 'zero';
    f.contentsSpan = hexEnd === undefined ? null : [this.hexStart, hexEnd];
  }

  private arrayOpen(): void {
    this.topNums = [];
    const f = this.top();
    if (!f) return;
    f.refNums = [];
    if (f.arrayDepth === 0) {
      f.arrayKey = f.expectValue ? f.key : null;
      f.brNumbers = 0;
      f.brOthers = 0;
      f.brValues = [];
    }
    f.arrayDepth++;
  }

  private arrayClose(): void {
    const f = this.top();
    if (!f || f.arrayDepth === 0) return;
    if (--f.arrayDepth > 0) return;
    if (f.arrayKey === 'ByteRange' && f.expectValue) {
      f.byteRange = f.brOthers === 0 && f.brNumbers >= 4 && f.brNumbers % 2 === 0 ? 'ok' : 'bad';
    }
    f.expectValue = false;
  }

  private dictOpen(): void {
    this.topNums = [];
    if (this.overflow || this.stack.length >= MAX_DEPTH) {
      this.overflow++;
      return;
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.refNums = [];
    this.stack.push(newFrame(this.obj, this.ordinal++));
  }

  private dictClose(): void {
    if (this.overflow) {
      this.overflow--;
      return;
    }
    const f = this.stack.pop();
    if (!f) return;
    this.judge(f);
    const parent = this.stack[this.stack.length - 1];
    if (parent && parent.arrayDepth === 0) parent.expectValue = false;
  }

  private judge(f: Frame): void {
    const sigLike = f.type === 'Sig' || (f.type === null && f.hasFilter && f.byteRange !== 'none');
    if (sigLike) {
      const outermost = this.stack.length === 0 && f.obj !== null;
      if (f.byteRange === 'ok' && f.contents === 'ok') {
        this.signatures.add(`${f.obj ?? '?' + this.signatures.size}#${f.ordinal}`);
        if (outermost) this.signatureObjs.add(f.obj!);
        if (f.contentsSpan && f.brNumbers === 4 && f.brValues.length === 4) {
          this.found.push({ byteRange: f.brValues, contentsStart: f.contentsSpan[0], contentsEnd: f.contentsSpan[1] });
          if (this.found.length > MAX_CANDIDATES) this.found.shift();
        }
      } else if (outermost) this.rejectedObjs.add(f.obj!);
    }
    if (f.ft === 'Sig' && f.vRef) this.fieldRefs.add(f.vRef);
  }
}

export function createPdfSignatureScanner(): PdfSignatureScanner {
  return new Scanner();
}
