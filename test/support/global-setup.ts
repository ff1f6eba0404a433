import { createTemplateDatabase, TEMPLATE_ENV } from './test-database';

export default async function globalSetup(): Promise<void> {
  process.env[TEMPLATE_ENV] = await createTemplateDatabase();
}
