import type { INestApplication } from '@nestjs/common';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { buildOpenApiDocument } from '../src/http-app';

/** The committed files generated from the API's decorators: the OpenAPI document, and the web client's types. */
export const OPENAPI_DOCUMENT_FILE = 'docs/openapi.json';
export const WEB_CLIENT_TYPES_FILE = 'web/src/api/schema.d.ts';

export async function openApiFiles(app: INestApplication): Promise<Record<string, string>> {
  const document = buildOpenApiDocument(app);
  // Types `paths` and `components` for openapi-fetch; one schema of `Date` fields: strings (JSON's own type).
  const types = astToString(await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true }));
  return {
    [OPENAPI_DOCUMENT_FILE]: `${JSON.stringify(document, null, 2)}\n`,
    [WEB_CLIENT_TYPES_FILE]: `${COMMENT_HEADER}${types}`,
  };
}
