import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  STANDARD_COLUMNS,
  STANDARD_REQUIRED_COLUMNS,
  STANDARD_SUMMARY_MAX_LENGTH,
  STANDARD_TELEPHONE_PATTERN,
  STANDARD_VOCABULARIES,
  standardFileName,
} from './standard-columns';

interface Field {
  name: string;
  constraints: { required?: boolean; pattern?: string; maxLength?: number };
}
const schema = JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/standard-mediation-num/schema.json'), 'utf8')) as {
  fields: Field[];
  version: string;
};
const field = (name: string) => schema.fields.find((candidate) => candidate.name === name)!;

/** The values a `(?:(?:^|\|)(A|B|C))+$` pattern allows, unescaped. */
function patternValues(pattern: string): string[] {
  const match = /^\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$/.exec(pattern);
  if (!match) throw new Error(`not a list pattern: ${pattern}`);
  return match[1].split(/\|(?![^(]*\\\))/).map((value) => value.replace(/\\([()])/g, '$1'));
}

describe('the standard as the code knows it = schema.json v1.0.1', () => {
  it('has the schema version', () => {
    expect(schema.version).toBe('1.0.1');
  });

  it('has every column, in the schema order', () => {
    expect([...STANDARD_COLUMNS]).toEqual(schema.fields.map((f) => f.name));
  });

  it('requires what the schema requires', () => {
    expect([...STANDARD_REQUIRED_COLUMNS].sort()).toEqual(
      schema.fields
        .filter((f) => f.constraints.required)
        .map((f) => f.name)
        .sort(),
    );
  });

  it.each(Object.entries(STANDARD_VOCABULARIES))('%s has exactly the values of its pattern, accents included', (column, values) => {
    expect([...values]).toEqual(patternValues(field(column).constraints.pattern!));
  });

  it('checks telephones and summaries as the schema does', () => {
    expect(STANDARD_TELEPHONE_PATTERN.source).toBe(field('telephone').constraints.pattern);
    expect(STANDARD_SUMMARY_MAX_LENGTH).toBe(field('presentation_resume').constraints.maxLength);
  });

  it('names files as the standard recommends', () => {
    expect(standardFileName('2026-12-02', '13002603200016', 'France', 'csv')).toBe(
      '20261202_13002603200016_lieux-de-mediation-numerique_France.csv',
    );
  });
});
