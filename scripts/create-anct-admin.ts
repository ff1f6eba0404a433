import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { loadAppConfig } from '../src/config/app-config';
import { configureRootLogger } from '../src/common/logger';
import { runPendingMigrations } from '../src/database/run-migrations';
import { OrganisationsService } from '../src/modules/organisations/organisations.service';

/**
 * First administrator of an install (or a new one): `npm run create-anct-admin -- email "Full Name"`.
 * Prints a one-time invitation to hand over; the person sets their password with POST /auth/accept-invitation.
 */
async function main(): Promise<void> {
  const [email, displayName] = process.argv.slice(2);
  if (!email || !displayName) {
    process.stderr.write('usage: npm run create-anct-admin -- <email> "<Full Name>"\n');
    process.exit(2);
  }
  const config = loadAppConfig(process.env);
  configureRootLogger('warn', { process: 'create-anct-admin' });
  await runPendingMigrations(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const invitation = await app.get(OrganisationsService).bootstrapAnctAdmin(email, displayName);
    process.stdout.write(
      `Invitation for ${invitation.user.email} (valid until ${invitation.invitationExpiresAt.toISOString()}):\n` +
        `  token: ${invitation.invitationToken}\n  link:  ${invitation.invitationUrl}\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`create-anct-admin failed: ${error.message}\n`);
  process.exit(1);
});
