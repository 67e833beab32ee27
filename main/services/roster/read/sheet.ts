// One worksheet, fed row by row: its header, which form it is, which rows are people (not the
// column numbers under the header, section headings, or the signature block), and the checks
// that need the whole sheet.
import type ExcelJS from 'exceljs';
import { FOCAL_AREAS, FOCAL_AREA_LABELS, communeKey, type FocalArea } from '../../../domain/roster';
import { COLUMN_LABELS, REQUIRED_COLUMNS, formFromLabel, formFromTitle, formName, type FormCode } from '../forms';
import { FormulaCell, cellValue, colLetter, display, districtFromHeading, hiddenChar, isFooterText, sectionCommune, valueOf, type CellValue } from './cells';
import { rowCells as streamedCells } from '../../xlsx/cells';
import { groupOf, type ImportContext } from './context';
import { findHeader, formFromColumns, isNumberingRow, textsOf, type Buffered, type Cols, type HeaderFound } from './header';
import { messages, who } from './messages';
import { viRoster } from '../../../../shared/i18n/vi/roster';
import { ROW_BITS } from './person-index';
import { readPerson, type RowScope, type RowValues } from './row';
import { HEADER_SCAN_ROWS, MAX_LISTED_ISSUES, MAX_TEXT_CHARS, type RosterIssue, type RosterRow, type RosterSheet } from './types';

const PLACE = viRoster.place;

/** Rendered when the sheet is done: until then a 01/02 sheet's form may still change. */
interface PendingIssue {
  row: number | null;
  col?: number;
  render: () => string;
}

/** A cell of a streamed row or of a row buffered while looking for the header. */
function cellOf(src: ExcelJS.Row | Buffered, c: number | undefined): CellValue {
  if (c === undefined) return null;
  return 'cells' in src ? (src.cells[c] ?? null) : cellValue(src.findCell(c)?.value);
}

/** 1 for a cell with something in it (a formula that shows nothing is empty), else 0. */
const on = (v: CellValue): number => (v === null || (v instanceof FormulaCell && v.result === null) ? 0 : 1);

const rowCells = (src: ExcelJS.Row | Buffered): CellValue[] => ('cells' in src ? src.cells : streamedCells(src));

export class SheetParser implements RowScope {
  form: FormCode = '02';
  /** False until the form is known: a sheet given up on may never have one. */
  private formKnown = false;
  /** 01 and 02 share their columns: without a "Mẫu 0…" label or title the rows decide, at the end. */
  provisional = false;
  header: HeaderFound | null = null;
  result: RosterSheet | null = null;
  /** Not a form, and not fatal while another sheet is one (a "Sheet2" left empty, a notes sheet). */
  ignored: 'empty' | 'unknown' | null = null;
  rows: RosterRow[] = [];
  cols: Cols = {};
  split = false;
  noteIsReason = false;
  district: string | null = null;
  section: string | null = null;
  private buffer: Buffered[] = [];
  private anyCell = false;
  private footerSeen = false;
  private sawData = false;
  private skip = false;
  private errors: PendingIssue[] = [];
  private warnings: PendingIssue[] = [];
  private chairs = new Map<string, { name: string; rows: number[] }>();
  private focalAreas = new Set<FocalArea>();

  constructor(
    readonly ctx: ImportContext,
    readonly name: string,
    readonly index: number,
  ) {}

  /** The form, once known (a sheet given up on may have none). */
  get formCode(): FormCode | null {
    return this.formKnown ? this.form : null;
  }

  /** "Mẫu 02", or "Mẫu 02 (trang tính "DS")" when the sheet's name doesn't say it. */
  private sheetPlace(): string {
    if (!this.formKnown || this.provisional) return PLACE.sheet(this.name);
    return formFromLabel(this.name) === this.form ? formName(this.form) : PLACE.formSheet(formName(this.form), this.name);
  }

  /** "Mẫu 02, dòng 14", or "Mẫu 02 (trang tính "DS"), dòng 14". */
  where(row: number | null): string {
    const s = this.sheetPlace();
    return row === null ? s : PLACE.row(s, row);
  }

  /**
   * A problem in one cell or row: "Mẫu 02, dòng 14: <phrase>." Rows arrive in order, so past the
   * listing limit the rest are only counted: a sheet wrong on every row holds no 100 000 closures.
   */
  err(row: number, phrase: string | (() => string), col?: number): void {
    if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(this.pending(row, phrase, col));
    else this.ctx.droppedErrors++;
  }
  /** A problem in the value of one cell: "Mẫu 02, ô C14: <phrase>." */
  cellErr(row: number, col: number, phrase: string): void {
    if (this.errors.length >= MAX_LISTED_ISSUES) {
      this.ctx.droppedErrors++;
      return;
    }
    this.errors.push({ row, col, render: () => PLACE.cell(this.sheetPlace(), `${colLetter(col)}${row}`, phrase) });
  }
  warning(row: number, phrase: string, col?: number): void {
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(this.pending(row, phrase, col));
    else this.ctx.droppedWarnings++;
  }
  private pending(row: number, phrase: string | (() => string), col?: number): PendingIssue {
    const text = typeof phrase === 'string' ? () => phrase : phrase;
    return { row, ...(col ? { col } : {}), render: () => `${this.where(row)}: ${text()}.` };
  }
  /** A whole sentence about the sheet (its header, its columns). */
  private sheetIssue(list: 'errors' | 'warnings', row: number | null, render: () => string): void {
    this[list].push({ row, render });
  }
  chair(commune: string, row: number): void {
    const k = communeKey(commune);
    const c = this.chairs.get(k) ?? { name: commune, rows: [] };
    c.rows.push(row);
    this.chairs.set(k, c);
  }
  focal(area: FocalArea): void {
    this.focalAreas.add(area);
  }

  push(row: ExcelJS.Row): void {
    if (this.skip) return;
    if (this.header) return this.dataRow(row.number, row);
    const cells = rowCells(row);
    if (cells.some((v) => v !== null)) this.anyCell = true;
    this.buffer.push({ r: row.number, cells });
    // Decide once past the scan window: the row after the last candidate may be the Nam | Nữ sub-header.
    if (row.number > HEADER_SCAN_ROWS + 1) this.locateHeader();
  }

  finish(): void {
    if (!this.header && !this.skip) this.locateHeader();
    if (this.header && !this.skip) this.settle();
    const render = (list: PendingIssue[], add: (i: RosterIssue) => void) => {
      // Reading order: by row, then left to right; a row-wide problem (a duplicate) after its cells.
      list.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.col ?? Infinity) - (b.col ?? Infinity));
      for (const i of list) add({ sheet: this.name, row: i.row, ...(i.col ? { column: colLetter(i.col) } : {}), message: i.render() });
    };
    render(this.errors, (i) => this.ctx.error(i));
    render(this.warnings, (i) => this.ctx.warn(i));
    this.errors = [];
    this.warnings = [];
  }

  private locateHeader(): void {
    const found = findHeader(this.buffer);
    const texts = (rows: Buffered[]) => rows.flatMap((b) => textsOf(b.cells));
    if (!('row' in found)) {
      this.skip = true;
      const form = formFromLabel(texts(this.buffer.slice(0, 10)).join(' | ')) ?? formFromLabel(this.name);
      if (form) this.setForm(form);
      this.buffer = [];
      if (!this.anyCell) {
        if (form) this.sheetIssue('errors', null, () => messages.emptySheet(this.where(null)));
        else this.ignored = 'empty';
      } else if (form || found.partial) {
        // Looks like a form but its header can't be read: an error, not a silent skip.
        const partial = found.partial;
        if (partial) this.sheetIssue('errors', partial.row, () => messages.partialHeader(this.where(partial.row), partial.missing));
        else this.sheetIssue('errors', null, () => messages.noHeader(this.where(null)));
      } else {
        this.ignored = 'unknown';
      }
      return;
    }
    this.header = found;
    this.cols = found.cols;
    this.split = found.cols.birthMale !== undefined || found.cols.birthFemale !== undefined;
    const above = this.buffer.filter((b) => b.r < found.row);
    const titles = texts(above);
    // "UBND HUYỆN …" names the district of every row: checked as their text would be.
    for (const b of above) {
      b.cells.forEach((cell, c) => {
        const t = valueOf(cell);
        const d = typeof t === 'string' ? districtFromHeading(t) : null;
        if (d && !this.badHeading(b.r, c, d)) this.district ??= d;
      });
    }
    const joined = titles.join(' | ');
    const form = formFromLabel(joined) ?? formFromLabel(this.name) ?? formFromTitle(joined) ?? formFromTitle(this.name) ?? formFromColumns(found.cols);
    this.setForm(form ?? '02');
    this.provisional = form === null;
    const rest = this.buffer.filter((b) => b.r > found.lastRow);
    this.buffer = [];
    if (!this.checkColumns()) {
      this.skip = true;
      return;
    }
    for (const b of rest) this.dataRow(b.r, b);
  }

  private setForm(form: FormCode): void {
    this.form = form;
    this.formKnown = true;
  }

  /** The form's required columns; false (with an error) when the sheet can't be read. */
  private checkColumns(): boolean {
    const { cols, row } = this.header!;
    const form = this.form;
    const missing: string[] = REQUIRED_COLUMNS[form].filter((k) => cols[k] === undefined).map((k) => COLUMN_LABELS[k]);
    if (cols.birth === undefined && cols.birthMale === undefined && cols.birthFemale === undefined) missing.push(COLUMN_LABELS.birth);
    if (form === '03' && cols.reason === undefined) {
      // The plan gives Mẫu 03 no columns; districts often put the reason under "Ghi chú".
      if (cols.note !== undefined) this.noteIsReason = true;
      else missing.push(COLUMN_LABELS.reason);
    }
    if (missing.length) {
      this.sheetIssue('errors', row, () => messages.partialHeader(this.where(row), missing));
      return false;
    }
    if (cols.birthMale === undefined && cols.birthFemale === undefined && cols.gender === undefined) {
      this.sheetIssue('warnings', row, () => messages.noGenderColumns(this.where(row)));
    }
    return true;
  }

  private dataRow(r: number, src: ExcelJS.Row | Buffered): void {
    const get = (c: number | undefined) => cellOf(src, c);
    const cols = this.cols;
    const v: RowValues = {
      name: get(cols.fullName),
      stt: get(cols.stt),
      male: this.split ? get(cols.birthMale) : null,
      female: this.split ? get(cols.birthFemale) : null,
      birth: this.split ? null : get(cols.birth),
      gender: get(cols.gender),
      position: get(cols.position),
      commune: get(cols.commune),
      phone: get(cols.phone),
      reason: get(cols.reason),
      agency: get(cols.agency),
      focal: get(cols.focalArea),
      appointed: get(cols.appointedAt),
      takes: get(cols.takesPart),
      district: get(cols.district),
      note: get(cols.note),
    };
    if (!this.isPerson(r, v, src)) return;
    this.sawData = true;
    const row = readPerson(this, r, v);
    if (row.positionId && !this.provisional) this.checkMembership(row);
    if (row.fullName && row.birthYear !== null) this.checkDuplicate(row, row.commune ?? row.agency ?? null);
    this.rows.push(row);
  }

  /**
   * Whether a row below the header is a person's. Not: the column-number row under the header
   * (only when the whole row is numbers), a section heading ("I. Xã Đại Tâm"), the signature block
   * and totals, a template row with only its STT, a stray value. Anything else is a person, read
   * and checked — a name that looks like a number is refused with a reason, not dropped.
   */
  private isPerson(r: number, v: RowValues, src: ExcelJS.Row | Buffered): boolean {
    const filled =
      on(v.male) +
      on(v.female) +
      on(v.birth) +
      on(v.gender) +
      on(v.position) +
      on(v.commune) +
      on(v.phone) +
      on(v.reason) +
      on(v.agency) +
      on(v.focal) +
      on(v.appointed) +
      on(v.takes);
    const name = display(v.name);
    const sttNumber = typeof valueOf(v.stt) === 'number';

    if (!this.sawData && isNumberingRow(rowCells(src))) return false;
    if (filled === 0) {
      const text = name ?? display(v.stt);
      const section = sectionCommune(text);
      if (section) {
        // The commune of the rows below: checked as their commune column would be.
        this.section = this.badHeading(r, (name !== null ? this.cols.fullName : this.cols.stt)!, section) ? null : section;
        return false;
      }
      if (text !== null && isFooterText(text)) {
        this.footerSeen = true;
        return false;
      }
      // STT alone: an unfilled row of the template. A name alone under the signature: the signer.
      if (name === null || (this.footerSeen && !sttNumber)) return false;
    }
    if (name === null) {
      for (const x of [v.commune, v.position, v.note]) {
        const t = valueOf(x);
        if (typeof t === 'string' && isFooterText(t)) this.footerSeen = true;
      }
      // One stray value (a footer line across the right-hand columns) is not a person.
      if (filled < 2 && !(filled === 1 && sttNumber)) return false;
      if (this.footerSeen && !sttNumber) return false;
    }
    return true;
  }

  /** A heading whose text becomes the rows' commune or district: refused (true) with hidden characters or over length. */
  private badHeading(r: number, col: number, text: string): boolean {
    const hidden = hiddenChar(text);
    if (hidden) this.cellErr(r, col, messages.headingHidden(hidden.code, hidden.bidi));
    else if (text.length > MAX_TEXT_CHARS.commune) this.cellErr(r, col, messages.headingTooLong(text.length, MAX_TEXT_CHARS.commune));
    else return false;
    return true;
  }

  /** Mẫu 01 holds only Chủ tịch/Phó Chủ tịch; Mẫu 02 only the officers. */
  private checkMembership(row: RosterRow): void {
    // A title outside the six (already reported on its own) is not "an officer in Mẫu 01".
    if (this.form === '01' && row.positionId !== null && row.positionId !== 'CT_PCT')
      this.err(row.sourceRow, messages.officerIn01(row.positionTitle ?? row.positionRaw));
    if (this.form === '02' && row.positionId === 'CT_PCT') this.err(row.sourceRow, messages.chairIn02(row.positionTitle ?? row.positionRaw));
  }

  /** Called before `row` is pushed: its index is rows.length. */
  private checkDuplicate(row: RosterRow, place: string | null): void {
    const ctx = this.ctx;
    const h = ctx.personHash(row.fullName, row.birthYear, place);
    const first = ctx.seen[groupOf(this.form)].firstOrAdd(h, () => ctx.personKey(row.fullName, row.birthYear, place), this.index * ROW_BITS + this.rows.length);
    if (first === undefined) return;
    const w = who(row.fullName, row.birthYear, place);
    const [sheet, firstRow] = this.ctx.placeOf(first);
    if (sheet === this) this.err(row.sourceRow, messages.duplicateHere(w, firstRow));
    else this.err(row.sourceRow, () => messages.duplicateThere(w, sheet.where(firstRow)));
  }

  /** End of the sheet: decide 01/02 if needed, then the sheet-wide checks. */
  private settle(): void {
    const { row } = this.header!;
    if (this.provisional) {
      const withPosition = this.rows.filter((x) => x.positionId !== null);
      this.form = withPosition.length > 0 && withPosition.every((x) => x.positionId === 'CT_PCT') ? '01' : '02';
      this.provisional = false;
      this.sheetIssue('warnings', row, () => messages.formGuessed(this.where(null), this.form));
      for (const x of withPosition) this.checkMembership(x);
    }
    if (this.rows.length === 0) this.sheetIssue('warnings', null, () => messages.noRows(this.where(null)));
    if (this.form === '01') {
      for (const c of this.chairs.values()) if (c.rows.length > 1) this.warning(c.rows[1]!, messages.twoChairs(c.name, c.rows));
    }
    if (this.form === '04' && this.rows.length > 0) {
      const missing = FOCAL_AREAS.filter((a) => !this.focalAreas.has(a)).map((a) => FOCAL_AREA_LABELS[a]);
      if (missing.length) this.sheetIssue('warnings', null, () => messages.focalAreasMissing(this.where(null), missing));
    }
    this.result = { form: this.form, sheet: this.name, rows: this.rows };
    this.ctx.forms.push(this.result);
  }
}
