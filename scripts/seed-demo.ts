import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import type { Actor } from '../src/auth/actor';
import { AuthService } from '../src/auth/auth.service';
import { loadAppConfig } from '../src/config/app-config';
import { configureRootLogger } from '../src/common/logger';
import { runPendingMigrations } from '../src/database/run-migrations';
import { ensureDatabase } from '../src/database/ensure-database';
import { OrganisationsService } from '../src/modules/organisations/organisations.service';
import { UsersRepository } from '../src/modules/users/users.repository';

/** Demo organisations and one user each, for trying the API on a developer machine. Refuses to run in production. */
const DEMO_PASSWORD = 'demo-pass-numerique';
const LOGINS = {
  anct: 'admin@anct.demo',
  funder: 'gestionnaire@departement-rhone.demo',
  prescriber: 'agent@ccas-villeurbanne.demo',
  venue: 'mediateur@epn-guillotiere.demo',
};

async function seed(): Promise<void> {
  const config = loadAppConfig(process.env);
  if (config.isProduction) {
    process.stderr.write('seed:demo refuses to run with NODE_ENV=production.\n');
    process.exit(1);
  }
  configureRootLogger('warn', { process: 'seed' });
  await ensureDatabase(config.DATABASE_URL);
  await runPendingMigrations(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const users = app.get(UsersRepository);
    if (await users.findByEmail(LOGINS.anct)) {
      printLogins('The demo data already exists.');
      return;
    }
    const organisations = app.get(OrganisationsService);
    const auth = app.get(AuthService);
    const activate = async (token: string) => auth.acceptInvitation(token, DEMO_PASSWORD);

    await activate((await organisations.bootstrapAnctAdmin(LOGINS.anct, 'Admin ANCT (démo)')).invitationToken);
    const funder = await organisations.createFunder({
      name: 'Département du Rhône (démo)',
      siren: '226900017',
      funderKind: 'departement',
      departementCode: '69',
      admin: { email: LOGINS.funder, displayName: 'Gestionnaire Pass numérique (démo)' },
    });
    await activate(funder.adminInvitation!.invitationToken);
    const funderActor: Actor = {
      kind: 'system',
      userId: null,
      apiKeyId: null,
      organisationId: funder.organisation.id,
      organisationKind: 'funder',
      role: 'funder_manager',
      isOrganisationAdmin: true,
      label: 'seed:demo',
    };
    const prescriber = await organisations.createOrLinkPrescriber(funderActor, {
      name: 'CCAS de Villeurbanne (démo)',
      siret: '26690266700019',
      communeInseeCode: '69266',
      addressLine: 'Place Lazare-Goujon',
      admin: { email: LOGINS.prescriber, displayName: 'Agent CCAS (démo)' },
    });
    await activate(prescriber.adminInvitation!.invitationToken);
    const venue = await organisations.createVenue({
      name: 'Espace public numérique de la Guillotière (démo)',
      siret: '73282932000074',
      addressLine: '12 rue de Marseille',
      postalCode: '69007',
      city: 'Lyon',
      communeInseeCode: '69387',
      admin: { email: LOGINS.venue, displayName: 'Médiatrice numérique (démo)' },
    });
    await activate(venue.adminInvitation!.invitationToken);
    printLogins('Demo data created.');
  } finally {
    await app.close();
  }
}

function printLogins(headline: string): void {
  process.stdout.write(
    `${headline} Log in with POST /auth/login and the password "${DEMO_PASSWORD}":\n` +
      Object.entries(LOGINS)
        .map(([role, email]) => `  ${role.padEnd(10)} ${email}\n`)
        .join(''),
  );
}

seed().catch((error: Error) => {
  process.stderr.write(`seed:demo failed: ${error.message}\n`);
  process.exit(1);
});
