// Bounds on one decompressed part of an XLSX, checked on its bytes as they stream past, before the
// XML parser sees them: its size, its CRC-32, and the longest stretch any XML parser or exceljs
// would hold in memory. exceljs keeps a text, a tag, a comment or a shared string whole, however
// long (a 466 KB file with one 450 MiB shared string drove the server to 7 GB); here such a
// stretch is refused as soon as it passes its bound, so memory stays at a few chunks per part.
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import { XLSX_LIMITS } from './types';

export type RefusalKind = 'entries' | 'part' | 'total' | 'element' | 'row' | 'strings' | 'doctype' | 'crc';

/** A file refused by a bound or a checksum; the reader turns it into a Vietnamese message. */
export class XlsxRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly part: string,
    /** The limit broken (entries, bytes), when the message names it. */
    readonly detail = 0,
    /** What the file declares (bytes), when known. */
    readonly size = 0,
  ) {
    super(`${kind}: ${part}`);
  }
}

export type PartKind = 'sharedStrings' | 'sheet' | 'meta';

const LT = 0x3c; // <
const GT = 0x3e; // >
const enum S {
  Text,
  Name, // just after "<": the tag's name
  Tag, // inside a start or end tag
  Bang, // after "<!": a comment, a CDATA section or a declaration
  Comment,
  Cdata,
  Pi, // processing instruction <? … ?>
}
/** Excel's widest sheet has 16 384 columns; each <col> becomes an object in exceljs. */
const MAX_COL_TAGS = 20_000;
/** Names are hashed up to this many bytes (31^10 stays an exact double). */
const MAX_NAME = 10;
const hashName = (name: string) => [...name].reduce((h, c) => h * 31 + c.charCodeAt(0), 0);
const SI = hashName('si');
const ROW = hashName('row');
const COL = hashName('col');
const SHEET_DATA = hashName('sheetData');

/**
 * A tiny scanner over XML bytes. Counts, from the start of the last real tag, every byte (text,
 * comments and CDATA included: an XML parser buffers each of them whole), and in a shared-strings
 * part the bytes of each <si>, in a sheet the bytes of each <row>. Markup inside comments and
 * CDATA sections is not taken for tags, so it cannot reset a count. A DOCTYPE (never in an XLSX,
 * and the way to entity bombs) is refused.
 */
export class XmlBounds {
  private state = S.Text;
  /** The tag's name so far, as a hash of its bytes (no string per tag: a sheet has millions). */
  private nameHash = 0;
  private nameLen = 0;
  private closing = false;
  private token = 0; // bytes since the last real tag started
  private element = 0; // bytes since the last <si>
  private row = 0; // bytes since the last <row>
  private strings = 0;
  private colTags = 0;
  /** The last two bytes seen inside a comment, CDATA or PI (their end is "-->", "]]>", "?>"). */
  private p1 = 0;
  private p2 = 0;
  private bang = '';
  private rowsDone = false;

  constructor(
    private readonly part: string,
    private readonly kind: PartKind,
  ) {}

  /** One chunk: a single pass over its bytes, counters in locals (a sheet is tens of MB). */
  scan(buf: Buffer): void {
    const n = buf.length;
    const tokenMax = XLSX_LIMITS.maxElementXmlBytes;
    const elementMax = this.kind === 'sharedStrings' ? XLSX_LIMITS.maxElementXmlBytes : Infinity;
    let rowMax = this.kind === 'sheet' && !this.rowsDone ? XLSX_LIMITS.maxRowXmlBytes : Infinity;
    let { state, token, element, row, nameHash, nameLen, closing, p1, p2 } = this;
    try {
      for (let i = 0; i < n; i++) {
        const b = buf[i]!;
        token++;
        element++;
        row++;
        if (token > tokenMax || element > elementMax) throw new XlsxRefusal('element', this.part);
        if (row > rowMax) throw new XlsxRefusal('row', this.part);
        switch (state) {
          case S.Text:
            if (b === LT) {
              state = S.Name;
              nameHash = 0;
              nameLen = 0;
              closing = false;
            }
            break;
          case S.Name:
            if (nameLen === 0 && !closing && b === 0x21 /* ! */) {
              state = S.Bang;
              this.bang = '';
            } else if (nameLen === 0 && !closing && b === 0x3f /* ? */) {
              state = S.Pi;
              p1 = p2 = 0;
            } else if (nameLen === 0 && !closing && b === 0x2f /* / */) {
              closing = true;
            } else if (b === GT || b === 0x2f || b <= 0x20) {
              // The name is complete: a start tag resets the counts it begins.
              const h = nameLen > 0 && nameLen <= MAX_NAME ? nameHash : -1;
              if (closing) {
                // Past the rows: merges, validations and the like follow, bounded by the part alone.
                if (h === SHEET_DATA) {
                  this.rowsDone = true;
                  rowMax = Infinity;
                }
              } else if (nameLen > 0) {
                token = 0;
                if (this.kind === 'sharedStrings' && h === SI) {
                  element = 0;
                  if (++this.strings > XLSX_LIMITS.maxSharedStrings) throw new XlsxRefusal('strings', this.part);
                } else if (this.kind === 'sheet' && h === ROW) {
                  row = 0;
                } else if (this.kind === 'sheet' && h === COL && ++this.colTags > MAX_COL_TAGS) {
                  throw new XlsxRefusal('element', this.part);
                }
              }
              state = b === GT ? S.Text : S.Tag;
            } else if (b === 0x3a /* : */) {
              // "x:si" is "si": the prefix is dropped.
              nameHash = 0;
              nameLen = 0;
            } else {
              nameHash = nameLen < MAX_NAME ? nameHash * 31 + b : -1;
              nameLen++;
            }
            break;
          case S.Tag:
            if (b === GT) state = S.Text;
            break;
          case S.Bang:
            // "<!--" a comment, "<![CDATA[" a CDATA section; anything else is a declaration.
            this.bang += String.fromCharCode(b);
            if (this.bang === '--') {
              state = S.Comment;
              p1 = p2 = 0;
            } else if (this.bang === '[CDATA[') {
              state = S.Cdata;
              p1 = p2 = 0;
            } else if (!'--'.startsWith(this.bang) && !'[CDATA['.startsWith(this.bang)) throw new XlsxRefusal('doctype', this.part);
            break;
          default:
            // Inside a comment, CDATA or PI: only "-->", "]]>", "?>" end it.
            if (b === GT && (state === S.Comment ? p1 === 0x2d && p2 === 0x2d : state === S.Cdata ? p1 === 0x5d && p2 === 0x5d : p1 === 0x3f)) {
              state = S.Text;
            } else {
              p2 = p1;
              p1 = b;
            }
        }
      }
    } finally {
      Object.assign(this, { state, token, element, row, nameHash, nameLen, closing, p1, p2 });
    }
  }
}

/** A part whose bytes don't match what the ZIP declares for it: a damaged or doctored file. */
export class PartMismatch extends Error {}

/**
 * A part's bytes as text, pulled from `source` (the inflater) only as fast as the XML parser asks:
 * refused past the size its ZIP entry declares (checked against the limits before it is opened)
 * or the file's shared budget, when its XML breaks a bound, and at its end when its size or
 * CRC-32 differs from the declared one. Decoded with a streaming decoder: exceljs decodes each
 * chunk on its own, so a Vietnamese letter split between two chunks became "�".
 */
export class PartReader {
  private crc = 0;
  private bytes = 0;
  private readonly xml: XmlBounds;
  /** True once the whole part passed and its CRC matched. */
  verified = false;

  constructor(
    private readonly source: AsyncIterable<Buffer>,
    private readonly part: string,
    kind: PartKind,
    private readonly expectedCrc: number,
    private readonly declaredSize: number,
    private readonly budget: { left: number },
  ) {
    this.xml = new XmlBounds(part, kind);
  }

  async *text(): AsyncGenerator<string> {
    const decoder = new StringDecoder('utf8');
    for await (const chunk of this.source) {
      this.bytes += chunk.length;
      this.budget.left -= chunk.length;
      if (this.bytes > this.declaredSize) throw new PartMismatch(`${this.part}: more than ${this.declaredSize} bytes`);
      if (this.budget.left < 0) throw new XlsxRefusal('total', this.part);
      this.crc = crc32(chunk, this.crc);
      this.xml.scan(chunk);
      const text = decoder.write(chunk);
      if (text) yield text;
    }
    const tail = decoder.end();
    if (tail) yield tail;
    if (this.bytes !== this.declaredSize) throw new PartMismatch(`${this.part}: ${this.bytes} of ${this.declaredSize} bytes`);
    if (this.crc >>> 0 !== this.expectedCrc >>> 0) throw new XlsxRefusal('crc', this.part);
    this.verified = true;
  }
}
