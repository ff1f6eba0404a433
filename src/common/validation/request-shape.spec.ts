import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, getMetadataStorage, IsArray, IsInt, IsOptional, IsString, ValidateNested, ValidationTypes } from 'class-validator';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { requestShapeProblems } from './request-shape';
import { unstorableTextProblems } from './storable-text';

class SlotDto {
  @IsInt()
  day: number;
}

class PersonDto {
  @IsString()
  email: string;
}

class ApplicationDto {
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots: SlotDto[];

  @ValidateNested()
  @Type(() => PersonDto)
  admin: PersonDto;

  @IsOptional()
  @IsInt()
  count?: number;

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  note?: string | null;
}

const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe('requestShapeProblems', () => {
  const valid = { slots: [{ day: 1 }], admin: { email: 'a@b.fr' } };

  it('finds nothing in a well-shaped body (value errors are left to class-validator)', () => {
    expect(requestShapeProblems(valid, ApplicationDto)).toEqual([]);
    expect(requestShapeProblems({ ...valid, count: 'twelve', note: null }, ApplicationDto)).toEqual([]);
  });

  it('refuses an array over its maximum without looking at its elements', () => {
    const elements = new Proxy([], { get: (target, key) => (key === 'length' ? 80_000 : Reflect.get(target, key)) });
    const problems = requestShapeProblems({ ...valid, slots: elements }, ApplicationDto);
    expect(problems).toEqual([{ field: 'slots', problems: ['slots must contain no more than 3 elements'] }]);
  });

  it.each([
    ['a list where one object is expected', { ...valid, admin: [{ email: 'a@b.fr' }] }, ['admin']],
    ['a text where one object is expected', { ...valid, admin: 'a@b.fr' }, ['admin']],
    ['an object where a list is expected', { ...valid, slots: { day: 1 } }, ['slots']],
    ['a list for a property that is no list', { ...valid, count: [1, 2, 3] }, ['count']],
    ['a list of non-objects', { ...valid, slots: [1, [2]] }, ['slots.0', 'slots.1']],
    ['null for a property that documents no null', { ...valid, count: null }, ['count']],
    ['unknown properties, nested ones too', { ...valid, isAdmin: true, admin: { email: 'a@b.fr', role: 'x' } }, ['admin.role', 'isAdmin']],
  ])('refuses %s', (_label, body, expected) => {
    expect(fields(requestShapeProblems(body, ApplicationDto))).toEqual(expected);
  });
});

describe('unstorableTextProblems', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', 'x\udc00'],
    ['two high surrogates', '\ud800\ud800\udc00'],
  ])('refuses %s wherever it is', (_label, text) => {
    expect(fields(unstorableTextProblems({ a: [{ b: text }] }))).toEqual(['a.0.b']);
    expect(fields(unstorableTextProblems({ [text]: 1 }))).toEqual(['value']);
    expect(fields(unstorableTextProblems(text, 'id'))).toEqual(['id']);
  });

  it('accepts any other text, pairs of surrogates (emoji) included', () => {
    expect(unstorableTextProblems({ a: ['Écoute 🎧', 'tab\t', 12, null, true] })).toEqual([]);
  });
});

describe('every request DTO', () => {
  // Load every DTO and query class so that their decorators register.
  const root = join(__dirname, '..', '..');
  const files = (directory: string): string[] =>
    readdirSync(directory).flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  for (const file of files(root).filter((path) => /[/\\]dto[/\\].*\.ts$|\.query\.ts$/.test(path) && !path.endsWith('.spec.ts'))) {
    require(file);
  }
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<Function, { propertyName: string; type: string; name?: string; each?: boolean }[]>;
  };

  it('bounds each of its arrays with @ArrayMaxSize, checked before its elements are', () => {
    const unbounded: string[] = [];
    for (const [target, metadatas] of storage.validationMetadatas) {
      const arrayProperties = new Set(
        metadatas
          .filter((m) => m.name === 'isArray' || m.each === true || (m.type === ValidationTypes.NESTED_VALIDATION && m.each))
          .map((m) => m.propertyName),
      );
      for (const property of arrayProperties) {
        if (!metadatas.some((m) => m.propertyName === property && m.name === 'arrayMaxSize')) unbounded.push(`${target.name}.${property}`);
      }
    }
    expect(storage.validationMetadatas.size).toBeGreaterThan(40);
    expect(unbounded).toEqual([]);
  });
});
