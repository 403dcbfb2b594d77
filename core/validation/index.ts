export { ValidationError, validationCodes, isValidationProblem } from './validation-error';
export type { ValidationCode, ValidationProblem } from './validation-error';
