import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../src/app.module';
import { loadAppConfig } from '../src/config/app-config';
import { applyApiPrefix, buildOpenApiDocument, createHttpAdapter } from '../src/http-app';

/** Writes docs/openapi.json, the committed copy of the spec served at /api/docs-json. */
async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createHttpAdapter(config), {
    logger: false,
    preview: true,
  });
  applyApiPrefix(app);
  const document = buildOpenApiDocument(app);
  writeFileSync('docs/openapi.json', `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  process.stdout.write(`docs/openapi.json: ${Object.keys(document.paths).length} paths\n`);
}

void main();
