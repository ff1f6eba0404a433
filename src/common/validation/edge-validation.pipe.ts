import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { requestShapeProblems } from './request-shape';
import { unstorableTextProblems } from './storable-text';

/**
 * The global validation of bodies, queries and path parameters. Before class-transformer and
 * class-validator see a value, two cheap passes refuse what they would choke on or let through to
 * PostgreSQL: text that cannot be stored, and a structure that breaks the DTO's shape (arrays over their
 * maximum, nested DTOs of the wrong type, `null`, unknown properties). Both cost at most the elements the
 * DTO allows, so no request under the body limit holds the event loop.
 */
export class EdgeValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => ValidationFailedError.fromClassValidator(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      // The shape first: it refuses an oversized or misplaced list from its length alone, where the text
      // pass would visit each of its elements.
      const shapeProblems = metadata.metatype && this.toValidate(metadata) ? requestShapeProblems(value, metadata.metatype) : [];
      if (shapeProblems.length > 0) throw new ValidationFailedError(shapeProblems);
      const textProblems = unstorableTextProblems(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (textProblems.length > 0) throw new ValidationFailedError(textProblems);
    }
    return super.transform(value, metadata);
  }
}
