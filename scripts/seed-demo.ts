import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { systemActor, systemActorFor } from '../src/auth/actor';
import { AuthService } from '../src/auth/auth.service';
import { loadAppConfig } from '../src/config/app-config';
import { configureRootLogger } from '../src/common/logger';
import { runInContext } from '../src/common/request-context';
import { runPendingMigrations } from '../src/database/run-migrations';
import { ensureDatabase } from '../src/database/ensure-database';
import { OrganisationsService } from '../src/modules/organisations/organisations.service';
import { UsersRepository } from '../src/modules/users/users.repository';
import { VenuesService } from '../src/modules/venues/venues.service';

/**
 * Demo organisations and one user each, for trying the API on a developer machine; the venue is
 * qualified and offers one service, ready to redeem. Refuses to run in production.
 */
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
    // Audit rows name the seed as their actor.
    await runInContext({ requestId: 'seed:demo', actor: systemActor('seed:demo') }, () => seedWith(app));
  } finally {
    await app.close();
  }
}

async function seedWith(app: INestApplicationContext): Promise<void> {
  const users = app.get(UsersRepository);
  const organisations = app.get(OrganisationsService);
  const auth = app.get(AuthService);
  /** Each step is skipped when its user exists, so a run interrupted half-way can simply be run again. */
  let created = 0;
  const step = async (email: string, invite: () => Promise<{ invitationToken: string } | null>) => {
    const existing = await users.findByEmail(email);
    if (existing) return existing.organisationId;
    created += 1;
    const invitation = await invite();
    if (!invitation) throw new Error(`No invitation was created for ${email}: cannot seed this demo account`);
    await auth.acceptInvitation(invitation.invitationToken, DEMO_PASSWORD);
    const user = await users.findByEmail(email);
    if (!user) throw new Error(`${email} cannot be found right after accepting its invitation`);
    return user.organisationId;
  };

  const anctId = await step(LOGINS.anct, () => organisations.bootstrapAnctAdmin(LOGINS.anct, 'Admin ANCT (démo)'));
  const funderId = await step(
    LOGINS.funder,
    async () =>
      (
        await organisations.createFunder({
          name: 'Département du Rhône (démo)',
          siren: '226900017',
          funderKind: 'departement',
          departementCode: '69',
          admin: { email: LOGINS.funder, displayName: 'Gestionnaire Pass numérique (démo)' },
        })
      ).adminInvitation,
  );
  await step(
    LOGINS.prescriber,
    async () =>
      (
        await organisations.createOrLinkPrescriber(systemActorFor('funder', funderId, 'seed:demo', true), {
          name: 'CCAS de Villeurbanne (démo)',
          siret: '26690266700010',
          communeInseeCode: '69266',
          addressLine: 'Place Lazare-Goujon',
          admin: { email: LOGINS.prescriber, displayName: 'Agent CCAS (démo)' },
        })
      ).adminInvitation,
  );
  const venueId = await step(
    LOGINS.venue,
    async () =>
      (
        await app.get(VenuesService).createByAnct({
          name: 'Espace public numérique de la Guillotière (démo)',
          siret: '73282932000074',
          addressLine: '12 rue de Marseille',
          postalCode: '69007',
          city: 'Lyon',
          communeInseeCode: '69387',
          admin: { email: LOGINS.venue, displayName: 'Médiatrice numérique (démo)' },
          openingHours: [{ day: 3, opens: '14:00', closes: '18:00' }],
        })
      ).adminInvitation,
  );

  // Ready to redeem: one service, then ANCT's qualification (both audited, as through the API).
  const venues = app.get(VenuesService);
  const anct = systemActorFor('anct', anctId, 'seed:demo', true);
  const venue = await venues.get(anct, venueId);
  let service = venue.services.find((candidate) => candidate.active);
  if (!service) {
    created += 1;
    service = await venues.addService(anct, venueId, {
      label: 'Atelier « Premiers pas sur ordinateur » (démo)',
      category: 'first_steps',
      durationMinutes: 120,
      maxVouchers: 2,
    });
  }
  if (venue.qualificationStatus === 'pending') {
    created += 1;
    const anct = await users.findByEmail(LOGINS.anct);
    if (!anct) throw new Error(`${LOGINS.anct} must exist (seeded above) to qualify the demo venue`);
    await venues.decide(venueId, { decision: 'qualify', reason: 'Lieu de démonstration' }, anct.id);
  }
  printLogins(created > 0 ? 'Demo data created.' : 'The demo data already exists.', service.id);
}

function printLogins(headline: string, venueServiceId: string): void {
  process.stdout.write(
    `${headline} Log in with POST /auth/login and the password "${DEMO_PASSWORD}":\n` +
      Object.entries(LOGINS)
        .map(([role, email]) => `  ${role.padEnd(10)} ${email}\n`)
        .join('') +
      `The venue is qualified; redeem for its service ${venueServiceId} (POST /redemptions, docs/venues-and-redemption.md).\n`,
  );
}

seed().catch((error: Error) => {
  process.stderr.write(`seed:demo failed: ${error.message}\n`);
  process.exit(1);
});
