import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * A validator of Frictionless Table Schema (v1 spec), limited to — and faithful for — what the
 * standard's `schema.json` uses: the exact header row, `missingValues`, types `string`, `number` and
 * `date` (format `default`), constraints `required`, `unique`, `pattern` (the whole value must match,
 * as the spec's XML Schema patterns do) and `maxLength` (in characters), and `primaryKey`. The only JS
 * implementation on npm (`tableschema`, frictionlessdata/tableschema-js) has not been maintained for
 * years and pulls outdated HTTP and CSV libraries; an unknown type, format or constraint makes this one
 * throw rather than pass silently.
 */
export interface TableSchemaField {
  name: string;
  type: 'string' | 'number' | 'date';
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; pattern?: string; maxLength?: number; enum?: unknown[] };
}

export interface TableSchema {
  fields: TableSchemaField[];
  primaryKey?: string | string[];
  missingValues?: string[];
}

export interface TableError {
  /** 1 = header row, 2 = first data row (as a spreadsheet numbers them). */
  row: number;
  field?: string;
  message: string;
}

export function loadStandardSchema(): TableSchema {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'standard-mediation-num', 'schema.json'), 'utf8')) as TableSchema;
}

const KNOWN_CONSTRAINTS = new Set(['required', 'unique', 'pattern', 'maxLength']);
const NUMBER = /^[+-]?((\d+(\.\d*)?)|(\.\d+))([eE][+-]?\d+)?$|^(NaN|INF|-INF)$/;

/** Validates a CSV text (comma-separated, RFC 4180 quoting) against the schema. */
export function validateCsv(schema: TableSchema, csv: string): TableError[] {
  const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  if (rows.length === 0) return [{ row: 1, message: 'empty file' }];
  const [header, ...data] = rows;
  const names = schema.fields.map((field) => field.name);
  const errors: TableError[] = [];
  if (header.length !== names.length || header.some((name, index) => name !== names[index])) {
    errors.push({ row: 1, message: `header ${JSON.stringify(header)} is not the schema's ${JSON.stringify(names)}` });
    return errors;
  }
  data.forEach((cells, index) => {
    if (cells.length !== names.length) errors.push({ row: index + 2, message: `${cells.length} cells, ${names.length} expected` });
  });
  const records = data.map((cells) => Object.fromEntries(names.map((name, index) => [name, cells[index] ?? ''])));
  return [...errors, ...validateRecords(schema, records, 'csv')];
}

/** Validates the JSON form: an array of objects keyed by field name (an absent key is a missing value). */
export function validateJson(schema: TableSchema, rows: unknown): TableError[] {
  if (!Array.isArray(rows)) return [{ row: 1, message: 'not an array of rows' }];
  const names = new Set(schema.fields.map((field) => field.name));
  const errors: TableError[] = [];
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) errors.push({ row: index + 2, message: 'not an object' });
    else
      for (const key of Object.keys(row))
        if (!names.has(key)) errors.push({ row: index + 2, field: key, message: 'not a field of the schema' });
  });
  return [...errors, ...validateRecords(schema, rows as Record<string, unknown>[], 'json')];
}

function validateRecords(schema: TableSchema, records: Record<string, unknown>[], source: 'csv' | 'json'): TableError[] {
  const missing = new Set(schema.missingValues ?? ['']);
  const errors: TableError[] = [];
  const seen = new Map<string, Map<string, number>>();
  const primaryKey = typeof schema.primaryKey === 'string' ? [schema.primaryKey] : (schema.primaryKey ?? []);
  for (const field of schema.fields) {
    for (const name of Object.keys(field.constraints ?? {})) {
      if (!KNOWN_CONSTRAINTS.has(name)) throw new Error(`constraint ${name} of ${field.name} is not supported by this validator`);
    }
    if (!['string', 'number', 'date'].includes(field.type))
      throw new Error(`type ${field.type} of ${field.name} is not supported by this validator`);
    if (field.format && field.format !== 'default')
      throw new Error(`format ${field.format} of ${field.name} is not supported by this validator`);
  }
  records.forEach((record, index) => {
    const row = index + 2;
    for (const field of schema.fields) {
      const raw = record?.[field.name];
      const isMissing = raw === undefined || raw === null || (typeof raw === 'string' && missing.has(raw));
      const constraints = field.constraints ?? {};
      const unique = constraints.unique || (primaryKey.length === 1 && primaryKey[0] === field.name);
      if (isMissing) {
        if (constraints.required || primaryKey.includes(field.name))
          errors.push({ row, field: field.name, message: 'required value missing' });
        continue;
      }
      const problem = cellProblem(field, raw, source);
      if (problem) {
        errors.push({ row, field: field.name, message: problem });
        continue;
      }
      if (unique) {
        const values = seen.get(field.name) ?? new Map<string, number>();
        const key = String(raw);
        if (values.has(key)) errors.push({ row, field: field.name, message: `duplicate of row ${values.get(key)}` });
        values.set(key, row);
        seen.set(field.name, values);
      }
    }
  });
  return errors;
}

function cellProblem(field: TableSchemaField, raw: unknown, source: 'csv' | 'json'): string | null {
  const constraints = field.constraints ?? {};
  switch (field.type) {
    case 'string': {
      if (typeof raw !== 'string') return `a string is expected, got ${typeof raw}`;
      if (constraints.pattern && !new RegExp(`^(?:${constraints.pattern})$`, 'u').test(raw))
        return `${JSON.stringify(raw)} does not match ${constraints.pattern}`;
      if (constraints.maxLength !== undefined && [...raw].length > constraints.maxLength)
        return `longer than ${constraints.maxLength} characters`;
      return null;
    }
    case 'number': {
      if (source === 'json' && typeof raw === 'number') return Number.isFinite(raw) ? null : 'not a finite number';
      return typeof raw === 'string' && NUMBER.test(raw) ? null : `${JSON.stringify(raw)} is not a number`;
    }
    case 'date': {
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return `${JSON.stringify(raw)} is not a YYYY-MM-DD date`;
      const date = new Date(`${raw}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw) ? null : `${raw} is not a calendar date`;
    }
  }
}
