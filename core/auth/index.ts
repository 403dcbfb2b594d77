export { signIn, setPassphrase, recordSessionLocked, recordSignedOut, setUpFirstRun } from './sign-in';
export type { AuthEnvironment, SignInOutcome, LockReason, FirstRunRequest } from './sign-in';
export { deriveKey, sameDigest, passphraseIterations, minimumPassphraseLength } from './passphrase-hash';
export type { DeriveKey } from './passphrase-hash';
export { lockedUntilAfter, freeAttempts } from './throttle';
export { IdleLock } from './idle-lock';
