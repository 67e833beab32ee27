// zod's own messages (for checks without a custom message) in Vietnamese, on both sides.
import { z } from 'zod';
z.config(z.locales.vi());
