import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** Documents a file download: 200 with the file's bytes, of this content type (a generated client reads it as a Blob). */
export function ApiFile(contentType: string, description: string): MethodDecorator {
  return applyDecorators(
    ApiProduces(contentType),
    ApiOkResponse({ description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } }),
  );
}
