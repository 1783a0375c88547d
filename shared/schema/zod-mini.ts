/**
 * zod's small build, with English messages: what the functions validate requests, messages and
 * cursors with. The full build costs every cold start about 15 ms and 90 KB more; it stays for the
 * configuration (validated at `cdk synth`) and the OpenAPI document. zod/mini loads no locale of its
 * own, so without this every problem would read "Invalid input".
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

// Re-exported whole, so that `import * as z` of this module tree-shakes like zod/mini itself.
export * from 'zod/mini';
