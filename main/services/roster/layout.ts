// What the XLSX and the PDF both print for a roster: heading lines and each row's cell texts, so
// the two exports say exactly the same thing. Every string leaves here in NFC.
import { VN_OFFSET_MS } from '../../../shared/vn-time';
import { EXCLUSION_LABELS, FOCAL_AREA_LABELS } from '../../domain/roster';
import { FORM_SPECS, districtLine, type ColumnKey, type FormCode, type FormColumn } from './forms';
import type { RosterRow } from './read';

export interface RosterMeta {
  province: string;
  district: string | null;
  /** "Đợt 1 năm 2023"; without it the heading says "Năm <year of date>". */
  roundName?: string | null;
  /** The list's date (or the exam date): Date, epoch ms or 'YYYY-MM-DD'. */
  date?: Date | number | string | null;
}

/** The subset of RosterRow the forms print; rows read back from storage satisfy it too. */
export type RosterRowOut = Pick<RosterRow, 'fullName' | 'gender' | 'birthYear'> &
  Partial<
    Pick<
      RosterRow,
      | 'birthDate'
      | 'positionTitle'
      | 'positionRaw'
      | 'commune'
      | 'phone'
      | 'note'
      | 'reason'
      | 'exclusion'
      | 'agency'
      | 'focalArea'
      | 'appointedAt'
      | 'takesPart'
    >
  >;

export const nfc = (s: string): string => s.normalize('NFC');

/** One printed column: a FormColumn, or one half (Nam | Nữ) of "Năm sinh". */
export interface PhysicalColumn {
  key: ColumnKey;
  label: string;
  width: number;
  /** 0 = Nam, 1 = Nữ under the merged "Năm sinh". */
  half?: 0 | 1;
  parent?: FormColumn;
  align: 'left' | 'center';
}

/** How the forms write "Tham gia kiểm tra". */
export const TAKES_PART = { yes: 'Có', no: 'Không' } as const;

const CENTRED: ReadonlySet<ColumnKey> = new Set(['stt', 'birth', 'phone', 'appointedAt', 'takesPart']);

export function physicalColumns(form: FormCode): PhysicalColumn[] {
  return FORM_SPECS[form].columns.flatMap((c): PhysicalColumn[] => {
    const align = CENTRED.has(c.key) ? 'center' : 'left';
    if (!c.sub) return [{ key: c.key, label: c.label, width: c.width, align }];
    return c.sub.map((label, i) => ({ key: c.key, label, width: c.width, half: i as 0 | 1, parent: c, align }));
  });
}

/** A calendar day in Vietnam from the meta's date. */
export function dayOf(d: RosterMeta['date']): { y: number; m: number; d: number } | null {
  if (d === null || d === undefined || d === '') return null;
  if (typeof d === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
    return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
  }
  const t = new Date((d instanceof Date ? d.getTime() : d) + VN_OFFSET_MS);
  return Number.isNaN(t.getTime()) ? null : { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export interface RosterHeading {
  unit: string; // UBND HUYỆN …
  formLabel: string; // Mẫu số 02
  list: string; // DANH SÁCH
  title: string;
  subtitle: string; // round name or "Năm 2023"
  dateLine: string | null; // "Mỹ Xuyên, ngày 05 tháng 6 năm 2023"
  signer: string;
  signerHint: string;
  docTitle: string;
}

/**
 * Nghị định 30/2020 date line: a day below 10 and the months 1 and 2 get a leading zero, so no
 * one can turn "tháng 1" into "tháng 11" by hand.
 */
function dateLine(place: string, day: { y: number; m: number; d: number }): string {
  const month = day.m <= 2 ? String(day.m).padStart(2, '0') : String(day.m);
  return nfc(`${place}, ngày ${String(day.d).padStart(2, '0')} tháng ${month} năm ${day.y}`);
}

export function rosterHeading(form: FormCode, meta: RosterMeta): RosterHeading {
  const spec = FORM_SPECS[form];
  const day = dayOf(meta.date);
  const district = (meta.district ?? '').trim();
  // "Thị xã Ngã Năm, ngày …" would read oddly: the place is the bare name.
  const place = nfc((district || meta.province).replace(/^(huyện|thị xã|thành phố|quận|tỉnh)\s+/iu, '').trim());
  const year = day?.y ?? new Date().getFullYear();
  return {
    unit: districtLine(district, meta.province),
    formLabel: spec.label,
    list: 'DANH SÁCH',
    title: spec.title,
    subtitle: nfc(meta.roundName?.trim() || `Năm ${year}`),
    dateLine: day ? dateLine(place, day) : null,
    signer: 'TM. ỦY BAN NHÂN DÂN',
    signerHint: '(Ký, ghi rõ họ tên, đóng dấu)',
    docTitle: nfc(`Danh sách ${spec.title.charAt(0).toLowerCase()}${spec.title.slice(1)} (${spec.label})`),
  };
}

const dmy = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** A cell's value: text, a number (a year), or a calendar day to write as a date. */
export type OutValue = string | number | { day: string } | null;

export function cellValue(col: PhysicalColumn, r: RosterRowOut, index: number): OutValue {
  const text = (s: string | null | undefined) => (s ? nfc(s) : null);
  switch (col.key) {
    case 'stt':
      return index + 1; // renumbered: the printed list counts 1…n
    case 'fullName':
      return text(r.fullName);
    case 'birth': {
      // The year goes under the person's sex; without one it can't be placed and stays blank.
      const want = col.half === 0 ? 'nam' : 'nu';
      if (r.gender !== want) return null;
      if (r.birthDate) return { day: r.birthDate };
      return r.birthYear ?? null;
    }
    case 'position':
      return text(r.positionTitle || r.positionRaw);
    case 'commune':
      return text(r.commune);
    case 'phone':
      return text(r.phone);
    case 'note':
      return text(r.note);
    case 'reason':
      return text(r.reason ?? r.exclusion?.text ?? (r.exclusion ? EXCLUSION_LABELS[r.exclusion.kind] : null));
    case 'agency':
      return text(r.agency);
    case 'focalArea':
      return r.focalArea ? FOCAL_AREA_LABELS[r.focalArea] : null;
    case 'appointedAt':
      return r.appointedAt ? { day: r.appointedAt } : null;
    case 'takesPart':
      return r.takesPart === true ? TAKES_PART.yes : r.takesPart === false ? TAKES_PART.no : null;
    default: {
      const never: never = col.key;
      return never;
    }
  }
}

/** The PDF prints every value as text. */
export function cellText(v: OutValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return dmy(v.day);
}
