import type Dexie from 'dexie';
import type { DBCore, Middleware } from 'dexie';

/**
 * Makes the DBCore middleware a module above core/db adds to a database,
 * given the database it is being installed on (so the module can tell later
 * whether a database carries it).
 */
export type DatabaseExtension = (db: Dexie) => Middleware<DBCore>;

// Keyed by name: registering again (a module reloaded by a test runner) replaces, never doubles.
const extensions = new Map<string, DatabaseExtension>();

/**
 * Registers a middleware every `TimedeskDb` constructed from now on installs
 * before it opens. This is how a layer above the database hooks into its
 * writes without the database importing it: core/sync's effect capture
 * registers itself here (core/sync/capture-effects.ts), so core/db never
 * imports core/sync. Dexie builds its middleware stack when a database opens,
 * which is why registration must come before construction; a module that
 * depends on its middleware checks that it is there rather than trusting the
 * import order (`beginEffectCapture` throws when it is not).
 *
 * Returns a function that unregisters it (databases already built keep it).
 *
 * @example
 * extendEveryDatabase('capture-effects', (db) => captureEffects());
 * new TimedeskDb(options); // installs capture-effects
 */
export function extendEveryDatabase(name: string, extension: DatabaseExtension): () => void {
  extensions.set(name, extension);
  return () => {
    if (extensions.get(name) === extension) extensions.delete(name);
  };
}

/**
 * The registered extensions, in registration order, for `TimedeskDb`'s constructor.
 *
 * @example for (const extension of databaseExtensions()) db.use(extension(db));
 */
export function databaseExtensions(): readonly DatabaseExtension[] {
  return [...extensions.values()];
}
