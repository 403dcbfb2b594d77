/**
 * The engine's public surface. Everything outside core/ imports from here (or
 * from a concept's own index), never from a module's internals.
 */
export * from './validation';
export * from './time';
export * from './recurrence';
export * from './model';
export * from './overlap';
export * from './schedule';
export * from './confirmations';
export * from './audit';
