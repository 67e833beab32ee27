// Date and date-time fields typed as dd/mm/yyyy and dd/mm/yyyy HH:mm (24-hour), whatever the
// language of the browser or of Windows: native type=date/time inputs follow the machine and show
// mm/dd/yyyy and AM/PM on an English Windows. What was understood is echoed under the field
// ("08:00 thứ Năm 14/09/2023"); parsing is shared/vn-time.ts, the same as the back end's.
import { useId, useState } from 'react';
import { formatVnDateLong, formatVnDateTimeLong, formatVnInput, formatIsoDate, parseVnDate, parseVnDateTime } from '../../../shared/vn-time';
import { vi } from '../../../shared/i18n/vi';

const t = vi.dateTime;

interface Props {
  id: string;
  /** The text as typed; the parent parses it with parseVnDateTime / parseVnDate on submit. */
  value: string;
  onChange: (text: string) => void;
  'aria-describedby'?: string | undefined;
  required?: boolean;
}

function Masked({
  id,
  value,
  onChange,
  required,
  describedBy,
  kind,
}: Omit<Props, 'aria-describedby'> & { describedBy: string | undefined; kind: 'date' | 'datetime' }) {
  const echoId = `${useId()}-echo`;
  // Half-typed text is not an error yet: say so once the year is typed or the field is left.
  const [left, setLeft] = useState(false);
  const text = value.trim();
  let echo: string | null = null;
  let ok = false;
  let canonical: string | null = null;
  if (text) {
    if (kind === 'date') {
      const iso = parseVnDate(text);
      ok = iso !== null;
      echo = iso ? t.understood(formatVnDateLong(iso)) : t.notUnderstoodDate;
      canonical = iso && formatIsoDate(iso);
    } else {
      const ms = parseVnDateTime(text);
      ok = ms !== null;
      echo = ms !== null ? t.understood(formatVnDateTimeLong(ms)) : t.notUnderstoodDateTime;
      canonical = ms !== null ? formatVnInput(ms) : null;
    }
  }
  const bad = text !== '' && !ok && (left || /\d{4}/.test(text));
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className={`datetime-input datetime-input--${kind}`}
        placeholder={kind === 'date' ? t.datePlaceholder : t.dateTimePlaceholder}
        title={kind === 'date' ? t.dateHint : t.dateTimeHint}
        value={value}
        required={required}
        aria-invalid={bad ? true : undefined}
        aria-describedby={[describedBy, echoId].filter(Boolean).join(' ')}
        onChange={(e) => onChange(e.target.value)}
        // A date typed '14/9/2023 8:00' is tidied to '14/09/2023 08:00' on leaving the field.
        onBlur={() => {
          setLeft(true);
          if (canonical && canonical !== value) onChange(canonical);
        }}
      />
      <div id={echoId} className={`datetime-echo${bad ? ' datetime-echo--bad' : ''}`} aria-live="polite" data-testid="datetime-echo">
        {(ok || bad ? echo : null) ?? (kind === 'date' ? t.dateHint : t.dateTimeHint)}
      </div>
    </>
  );
}

/** A calendar date typed as dd/mm/yyyy; the parent turns the text into 'YYYY-MM-DD' with parseVnDate. */
export function DateInput({ 'aria-describedby': d, ...p }: Props) {
  return <Masked {...p} describedBy={d} kind="date" />;
}

/** A Vietnam date and 24-hour time typed as dd/mm/yyyy HH:mm; the parent turns it into UTC ms with parseVnDateTime. */
export function DateTimeInput({ 'aria-describedby': d, ...p }: Props) {
  return <Masked {...p} describedBy={d} kind="datetime" />;
}
