import { ValidationError } from 'class-validator';
import { CommonError } from './common-errors';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** A request body, query or path that breaks its DTO: answered 400 with every offending field. */
export class ValidationFailedError extends CommonError {
  constructor(readonly fields: FieldProblem[]) {
    super('VALIDATION_FAILED', `Invalid request: ${fields.map((f) => f.field).join(', ')}.`, { fields });
  }

  static fromClassValidator(errors: ValidationError[]): ValidationFailedError {
    return new ValidationFailedError(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], parentPath: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = error.constraints ? [{ field: path, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
