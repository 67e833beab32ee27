// The desktop shell's words live in the shared catalogue; re-exported under the name main/app uses.
import { vi } from '../../shared/i18n/vi';

export const shellLabels = vi.shell;
