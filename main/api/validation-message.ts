import type { Issue } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';

/**
 * The top message of a refused input. One wrong field: "Dữ liệu nhập chưa hợp lệ: <its message>".
 * Several: how many and each of them (the first per field), so a form's summary box names them all
 * without the UI reading the wording to tell this message from a service's own (issue 13).
 */
export function validationMessage(issues: readonly Issue[]): string {
  const perField = new Map<string, string>();
  for (const i of issues) if (!perField.has(i.path)) perField.set(i.path, i.message);
  const messages = [...new Set(perField.values())];
  return messages.length > 1 ? vi.daily.form.fixFields(messages) : `${vi.errors.validation}: ${issues[0]?.message ?? ''}`;
}
