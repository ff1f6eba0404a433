import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppModule } from '../src/app.module';
import { loadAppConfig } from '../src/config/app-config';
import { createHttpAdapter, setApiPrefix } from '../src/http-app';
import { openApiFiles } from './openapi-files';

/**
 * Writes docs/openapi.json, the committed copy of the spec served at /api/docs-json, and the web
 * client's types generated from it (web/src/api/schema.d.ts). A test fails when they drift from the code.
 */
async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createHttpAdapter(config), {
    logger: false,
    preview: true,
  });
  setApiPrefix(app);
  const files = await openApiFiles(app);
  await app.close();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    process.stdout.write(`${path}: ${content.length} characters\n`);
  }
}

void main();
