import { z } from 'zod/v4';

/**
 * zod 4 compiles object parsers with `new Function` unless told not to, and
 * probes for it even when it cannot. The desktop CSP forbids eval
 * (`script-src 'self'`), so the probe alone is a reported violation.
 *
 * zod decides per schema when the schema is built, i.e. when a core/ module
 * loads, so the switch must run before any of them. An import at the top of
 * main.tsx is not enough once the build splits code into chunks: a chunk
 * holding core/ evaluates before the entry's own body. So the renderer's
 * build resolves every `import … from 'zod'` to this module
 * (vite.config.ts `resolve.alias`): nothing can reach zod without passing
 * through the switch first. It re-exports zod unchanged otherwise.
 */
z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
