import { z } from 'zod';

/**
 * zod 4 compiles object parsers with `new Function` unless told not to, and
 * probes for it even when it cannot. The desktop CSP forbids eval
 * (`script-src 'self'`), so the probe alone is a reported violation. This
 * module turns the compiler off; main.tsx imports it FIRST, because zod
 * decides per schema when the schema is built, i.e. when core/ modules load.
 *
 * @example import './app/zod-without-eval'; // first line of main.tsx
 */
z.config({ jitless: true });
