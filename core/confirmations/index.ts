export { confirmationTransitions, confirmationStatusOf, canConfirm, setConfirmation, undoConfirmation, canUndoConfirmation, historyForStart } from './confirmation-states';
export type { ConfirmationContext } from './confirmation-states';
export { visitKey, visitOfKey } from './visit-key';
export type { VisitIdentity } from './visit-key';
export { effectiveConfirmation } from './effective-confirmation';
export type { EffectiveConfirmation } from './effective-confirmation';
export { callDownList } from './call-down';
export type { CallDownRow, CallDownVisit } from './call-down';
