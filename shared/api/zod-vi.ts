// zod's own messages (for checks without a custom message) in Vietnamese, on both sides.
// Only the Vietnamese locale is imported, so the bundles don't carry zod's other 40 languages.
import { z } from 'zod';
import viLocale from 'zod/v4/locales/vi.js';
z.config(viLocale());
