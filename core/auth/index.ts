export { signIn, setPassphrase, recordSessionLocked, recordSignedOut } from './sign-in';
export type { AuthEnvironment, SignInOutcome } from './sign-in';
export { deriveKey, sameDigest, passphraseIterations, minimumPassphraseLength } from './passphrase-hash';
export type { DeriveKey } from './passphrase-hash';
export { lockedUntilAfter, freeAttempts } from './throttle';
export { IdleLock } from './idle-lock';
