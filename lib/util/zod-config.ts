import { z } from 'zod';

/**
 * Side-effect module: import it first in every entrypoint. Zod 4 compiles object parsers with
 * `new Function` (and probes for it), which the MV3 CSP forbids; `jitless` must be set before any
 * object schema is defined, because the choice is made when the schema is built.
 */
z.config({ jitless: true });
