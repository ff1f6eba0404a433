import type { MetadataStorage as TransformMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { FieldProblem } from '../errors/validation-failed.error';
import { join } from './storable-text';

/**
 * What a DTO's validation metadata says about the shape of its properties, read once per class.
 * `maxItems` is the property's `@ArrayMaxSize`; `nested` the class of `@ValidateNested` with its `each`.
 */
interface PropertyShape {
  maxItems: number | null;
  nested: { type: Function; each: boolean } | null;
  nullable: boolean;
}

// class-transformer keeps `@Type()` in a storage it does not export from its index; @nestjs/mapped-types reads it the same way.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformMetadataStorage };
/** Where `@ApiProperty()` keeps its options (`DECORATORS.API_MODEL_PROPERTIES` of @nestjs/swagger). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

const shapesByClass = new WeakMap<Function, Map<string, PropertyShape>>();

export function propertyShapes(dto: Function): Map<string, PropertyShape> {
  let shapes = shapesByClass.get(dto);
  if (!shapes) {
    shapes = readShapes(dto);
    shapesByClass.set(dto, shapes);
  }
  return shapes;
}

function readShapes(dto: Function): Map<string, PropertyShape> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  }
  const shapes = new Map<string, PropertyShape>();
  for (const [property, metadatas] of byProperty) {
    const maxSize = metadatas.find((metadata) => metadata.name === 'arrayMaxSize' && !metadata.each);
    const nestedMetadata = metadatas.find((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION);
    const type = nestedMetadata ? defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() : undefined;
    const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, dto.prototype, property) as { nullable?: boolean } | undefined;
    shapes.set(property, {
      maxItems: maxSize ? Number(maxSize.constraints[0]) : null,
      nested: nestedMetadata && typeof type === 'function' ? { type, each: nestedMetadata.each === true } : null,
      nullable: documented?.nullable === true,
    });
  }
  return shapes;
}

/**
 * Problems with the structure of a request before it is transformed into its DTO and validated, each
 * found without looking at more elements than the DTO allows:
 * - an array longer than its `@ArrayMaxSize` (so that 80,000 elements are not each transformed and
 *   validated on the event loop, only to be refused at the end);
 * - a list where the DTO expects no list (only list properties have a maximum);
 * - a nested DTO that is not an object (`admin: [...]`, which `@ValidateNested` would otherwise walk as a list),
 *   or a list of nested DTOs that is not a list of objects;
 * - `null` where the API documents no null (PATCH with `null` would otherwise reach a NOT NULL column);
 * - a property the DTO does not declare (forbidden anyway; refused before its value is copied).
 * Everything else is left to class-validator, which then names every offending field.
 */
export function requestShapeProblems(value: unknown, dto: Function, path = ''): FieldProblem[] {
  if (!isPlainObject(value)) return [];
  const shapes = propertyShapes(dto);
  const problems: FieldProblem[] = [];
  for (const [property, item] of Object.entries(value)) {
    const field = join(path, property);
    const shape = shapes.get(property);
    if (!shape) {
      problems.push(problem(field, `property ${property} should not exist`));
    } else if (item === null) {
      if (!shape.nullable) problems.push(problem(field, `${property} must not be null (omit it to leave it out)`));
    } else if (Array.isArray(item) && shape.maxItems === null) {
      // Every list property has its maximum (a unit test sees to it): a list anywhere else is the wrong type,
      // refused before its elements are copied and walked.
      problems.push(problem(field, `${property} must not be a list`));
    } else if (Array.isArray(item) && shape.maxItems !== null && item.length > shape.maxItems) {
      problems.push(problem(field, `${property} must contain no more than ${shape.maxItems} elements`));
    } else if (shape.nested && !shape.nested.each) {
      if (isPlainObject(item)) problems.push(...requestShapeProblems(item, shape.nested.type, field));
      else if (item !== undefined) problems.push(problem(field, `${property} must be an object`));
    } else if (shape.nested) {
      problems.push(...listProblems(item, shape.nested.type, property, field));
    }
  }
  return problems;
}

function listProblems(item: unknown, type: Function, property: string, field: string): FieldProblem[] {
  if (item === undefined) return [];
  if (!Array.isArray(item)) return [problem(field, `${property} must be an array`)];
  return item.flatMap((element, index) =>
    isPlainObject(element)
      ? requestShapeProblems(element, type, join(field, String(index)))
      : [problem(join(field, String(index)), `each ${property} entry must be an object`)],
  );
}

function problem(field: string, message: string): FieldProblem {
  return { field, problems: [message] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
