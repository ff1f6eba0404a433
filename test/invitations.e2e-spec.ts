import { createTestApp, TestApp } from './support/test-app';
import {
  anctAdmin,
  bearer,
  funderManager,
  http,
  invitedColleague,
  type LoggedIn,
  prescriberAgent,
  TEST_PASSWORD,
  tableCounts,
  venueAgent,
} from './support/actors';
import { uniqueEmail, uniqueSiret } from './support/identifiers';
import { invitationInOutbox } from './support/outbox';
import { venueApplication } from './support/redemption-fixtures';

const MISSING_USER = '00000000-0000-4000-8000-000000000000';
const DAY_MS = 86_400_000;

interface UserRow {
  id: string;
  organisationId: string;
  role: string;
  status: string;
  isOrganisationAdmin: boolean;
}

describe('Invitations: a funder invites into its structures and deactivates their people; pending invitations are re-sent, cancelled, re-invited once expired', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let funderA: LoggedIn;
  let funderB: LoggedIn;
  let prescriberA: LoggedIn;
  let prescriberB: LoggedIn;
  let venue: LoggedIn;

  beforeAll(async () => {
    testApp = await createTestApp();
    anct = await anctAdmin(testApp);
    funderA = await funderManager(testApp, anct);
    funderB = await funderManager(testApp, anct);
    prescriberA = await prescriberAgent(testApp, funderA);
    prescriberB = await prescriberAgent(testApp, funderB);
    venue = await venueAgent(testApp, anct);
  });
  afterAll(() => testApp.close());

  const invite = (by: LoggedIn, body: { email: string; displayName?: string; organisationId?: string; isOrganisationAdmin?: boolean }) =>
    http(testApp)
      .post('/api/v1/users')
      .set(bearer(by.token))
      .send({ displayName: 'Agent', ...body });
  const people = (by: LoggedIn, organisationId?: string) =>
    http(testApp)
      .get('/api/v1/users')
      .query(organisationId ? { organisationId, limit: 200 } : { limit: 200 })
      .set(bearer(by.token));
  const resend = (by: LoggedIn, userId: string) => http(testApp).post(`/api/v1/users/${userId}/invitation`).set(bearer(by.token));
  const cancel = (by: LoggedIn, userId: string) => http(testApp).delete(`/api/v1/users/${userId}/invitation`).set(bearer(by.token));
  const deactivate = (by: LoggedIn, userId: string) => http(testApp).post(`/api/v1/users/${userId}/deactivate`).set(bearer(by.token));
  const accept = (token: string) => http(testApp).post('/api/v1/auth/accept-invitation').send({ token, password: TEST_PASSWORD });
  const userByEmail = async (email: string): Promise<UserRow | undefined> =>
    (
      await testApp.dataSource.query(
        `SELECT id, organisation_id AS "organisationId", role, status, is_organisation_admin AS "isOrganisationAdmin" FROM users WHERE email = $1`,
        [email],
      )
    )[0];
  const auditOf = (userId: string): Promise<{ action: string; actor: string | null; before: Record<string, unknown> | null }[]> =>
    testApp.dataSource.query(
      `SELECT action, actor_organisation_id AS actor, before FROM audit_events WHERE object_id = $1 ORDER BY occurred_at, id`,
      [userId],
    );
  const pendingInvitationMails = async (email: string): Promise<string[]> =>
    (
      await testApp.dataSource.query(
        `SELECT text_body FROM outbox_messages WHERE recipient_email = $1 AND kind = 'invitation' AND status = 'pending' ORDER BY created_at`,
        [email],
      )
    ).map((row: { text_body: string }) => row.text_body);
  const expire = (userId: string) =>
    testApp.dataSource.query(`UPDATE users SET invitation_expires_at = now() - interval '1 day' WHERE id = $1`, [userId]);

  describe('a funder and the prescriber structures it works with', () => {
    it('invites an agent into its structure, lists the structure’s people and is audited as the inviter', async () => {
      const email = uniqueEmail('ccas-agent');
      const invited = await invite(funderA, {
        email,
        displayName: 'Nouvel agent',
        organisationId: prescriberA.organisationId,
        isOrganisationAdmin: true,
      }).expect(201);
      expect(invited.body.user).toMatchObject({
        organisationId: prescriberA.organisationId,
        role: 'prescriber_agent',
        status: 'invited',
        isOrganisationAdmin: true,
      });
      const listed = await people(funderA, prescriberA.organisationId).expect(200);
      const row = listed.body.items.find((user: { email: string }) => user.email === email);
      expect(row.invitationExpiresAt).toBe(invited.body.invitationExpiresAt);
      expect(Date.parse(row.invitationExpiresAt) - Date.parse(row.invitationSentAt)).toBe(7 * DAY_MS);
      expect(listed.body.items.map((user: { email: string }) => user.email)).toContain(prescriberA.email);
      // Accepted people show no invitation dates.
      expect(listed.body.items.find((user: { email: string }) => user.email === prescriberA.email)).toMatchObject({
        status: 'active',
        invitationSentAt: null,
        invitationExpiresAt: null,
      });
      expect(await auditOf(invited.body.user.id)).toEqual([
        expect.objectContaining({ action: 'user.invited', actor: funderA.organisationId }),
      ]);
      // The agent accepts from the e-mail and works for the structure.
      const { token } = await invitationInOutbox(testApp.dataSource, email);
      const session = await accept(token).expect(200);
      const me = await http(testApp).get('/api/v1/auth/me').set(bearer(session.body.accessToken)).expect(200);
      expect(me.body).toMatchObject({ organisationId: prescriberA.organisationId, role: 'prescriber_agent' });
    });

    it('lets any of the funder’s managers do it, while its own people stay its administrators’ business', async () => {
      const colleague = await invitedColleague(testApp, funderA);
      const asColleague = { ...funderA, token: colleague.accessToken };
      await invite(asColleague, { email: uniqueEmail('by-colleague'), organisationId: prescriberA.organisationId }).expect(201);
      await people(asColleague, prescriberA.organisationId).expect(200);
      expect((await invite(asColleague, { email: uniqueEmail('own') }).expect(403)).body.code).toBe('FORBIDDEN');
      await people(asColleague).expect(403);
      await people(asColleague, funderA.organisationId).expect(403);
    });

    it('reaches a structure shared with another funder from both, once the other funder linked it', async () => {
      const siret = uniqueSiret();
      const byB = await http(testApp)
        .post('/api/v1/organisations/prescribers')
        .set(bearer(funderB.token))
        .send({ name: 'France Services', siret, communeInseeCode: '69266', admin: { email: uniqueEmail('fs'), displayName: 'FS' } })
        .expect(201);
      const sharedId = byB.body.organisation.id;
      await invite(funderA, { email: uniqueEmail('shared'), organisationId: sharedId }).expect(404);
      await http(testApp)
        .post('/api/v1/organisations/prescribers')
        .set(bearer(funderA.token))
        .send({ name: 'France Services', siret, communeInseeCode: '69266' })
        .expect(201);
      await invite(funderA, { email: uniqueEmail('shared'), organisationId: sharedId }).expect(201);
      await invite(funderB, { email: uniqueEmail('shared'), organisationId: sharedId }).expect(201);
    });

    it('cannot touch another funder’s structures nor any other organisation: 404 like a missing one, nothing changed', async () => {
      const pendingOfB = (await invite(prescriberB, { email: uniqueEmail('pending-b') }).expect(201)).body.user.id;
      const pendingOfVenue = (await invite(venue, { email: uniqueEmail('pending-venue') }).expect(201)).body.user.id;
      const pendingOfFunderB = (await invite(funderB, { email: uniqueEmail('pending-funder-b') }).expect(201)).body.user.id;
      const missingOrganisation = await invite(funderA, { email: uniqueEmail('x'), organisationId: MISSING_USER }).expect(404);
      const missingUser = await resend(funderA, MISSING_USER).expect(404);
      const before = await tableCounts(testApp);
      const others = [prescriberB.organisationId, venue.organisationId, funderB.organisationId, anct.organisationId];
      for (const organisationId of others) {
        const refused = await invite(funderA, { email: uniqueEmail('x'), organisationId }).expect(404);
        expect({ ...refused.body, requestId: undefined }).toEqual({ ...missingOrganisation.body, requestId: undefined });
        await people(funderA, organisationId).expect(404);
      }
      for (const userId of [pendingOfB, pendingOfVenue, pendingOfFunderB]) {
        const refused = await resend(funderA, userId).expect(404);
        expect({ ...refused.body, requestId: undefined }).toEqual({ ...missingUser.body, requestId: undefined });
        await cancel(funderA, userId).expect(404);
      }
      // A structure cannot reach its funder, nor a venue another organisation.
      await invite(prescriberA, { email: uniqueEmail('x'), organisationId: funderA.organisationId }).expect(404);
      await people(prescriberA, funderA.organisationId).expect(404);
      await invite(venue, { email: uniqueEmail('x'), organisationId: prescriberA.organisationId }).expect(404);
      await cancel(prescriberA, pendingOfB).expect(404);
      expect(await tableCounts(testApp)).toEqual(before);
      const statuses = await testApp.dataSource.query(`SELECT status FROM users WHERE id = ANY($1) ORDER BY status`, [
        [pendingOfB, pendingOfVenue, pendingOfFunderB],
      ]);
      expect(statuses).toEqual([{ status: 'invited' }, { status: 'invited' }, { status: 'invited' }]);
    });
  });

  describe('re-sending an invitation', () => {
    it('gives a new link valid 7 days, e-mails it through the outbox, and the old link stops working', async () => {
      const email = uniqueEmail('resent');
      const first = await invite(prescriberA, { email }).expect(201);
      const userId = first.body.user.id;
      await expire(userId);
      const resent = await resend(prescriberA, userId).expect(200);
      expect(resent.body.invitationToken).not.toBe(first.body.invitationToken);
      expect(resent.body.user).toMatchObject({ id: userId, status: 'invited' });
      expect(Date.parse(resent.body.invitationExpiresAt)).toBeGreaterThan(Date.now() + 7 * DAY_MS - 60_000);
      // One invitation e-mail waits to be sent, with the new link; the one with the old link was withdrawn.
      const pending = await pendingInvitationMails(email);
      expect(pending).toHaveLength(1);
      expect(pending[0]).toContain(resent.body.invitationUrl);
      expect((await invitationInOutbox(testApp.dataSource, email)).token).toBe(resent.body.invitationToken);
      expect((await accept(first.body.invitationToken).expect(400)).body.code).toBe('INVALID_INVITATION');
      await accept(resent.body.invitationToken).expect(200);
      expect(await auditOf(userId)).toEqual([
        expect.objectContaining({ action: 'user.invited' }),
        expect.objectContaining({ action: 'user.invitation_resent', actor: prescriberA.organisationId }),
        expect.objectContaining({ action: 'user.activated' }),
      ]);
      // Accepted: nothing left to re-send or cancel.
      expect((await resend(prescriberA, userId).expect(409)).body.code).toBe('INVITATION_NOT_PENDING');
      expect((await cancel(prescriberA, userId).expect(409)).body.code).toBe('INVITATION_NOT_PENDING');
    });

    it('is open to the funder for its structure’s invitations and to ANCT for anyone’s', async () => {
      const invited = await invite(prescriberA, { email: uniqueEmail('resent-by-others') }).expect(201);
      const byFunder = await resend(funderA, invited.body.user.id).expect(200);
      const byAnct = await resend(anct, invited.body.user.id).expect(200);
      expect((await accept(byFunder.body.invitationToken).expect(400)).body.code).toBe('INVALID_INVITATION');
      await accept(byAnct.body.invitationToken).expect(200);
    });
  });

  describe('cancelling an invitation', () => {
    it('deletes the invited user, frees the address at once, withdraws the e-mail and is audited', async () => {
      const email = uniqueEmail('cancelled');
      const invited = await invite(funderA, { email, displayName: 'Personne partie', organisationId: prescriberA.organisationId }).expect(
        201,
      );
      const userId = invited.body.user.id;
      await cancel(prescriberA, userId).expect(204);
      expect(await userByEmail(email)).toBeUndefined();
      expect(await pendingInvitationMails(email)).toEqual([]);
      const listed = await people(funderA, prescriberA.organisationId).expect(200);
      expect(listed.body.items.map((user: { email: string }) => user.email)).not.toContain(email);
      expect((await accept(invited.body.invitationToken).expect(400)).body.code).toBe('INVALID_INVITATION');
      expect(await auditOf(userId)).toEqual([
        expect.objectContaining({ action: 'user.invited', actor: funderA.organisationId }),
        expect.objectContaining({
          action: 'user.invitation_cancelled',
          actor: prescriberA.organisationId,
          before: expect.objectContaining({ email, status: 'invited', displayName: 'Personne partie' }),
        }),
      ]);
      await cancel(prescriberA, userId).expect(404);

      // The address is free: another organisation invites it.
      const again = await invite(venue, { email }).expect(201);
      expect(again.body.user.id).not.toBe(userId);
      await accept(again.body.invitationToken).expect(200);
    });

    it('keeps the e-mails already sent, under their address only', async () => {
      const email = uniqueEmail('sent-then-cancelled');
      const invited = await invite(funderA, { email, organisationId: prescriberA.organisationId }).expect(201);
      await testApp.dataSource.query(`UPDATE outbox_messages SET status = 'sent', sent_at = now() WHERE recipient_email = $1`, [email]);
      await cancel(funderA, invited.body.user.id).expect(204);
      expect(
        await testApp.dataSource.query(`SELECT status, recipient_user_id AS "userId" FROM outbox_messages WHERE recipient_email = $1`, [
          email,
        ]),
      ).toEqual([{ status: 'sent', userId: null }]);
    });

    it('never deletes a person who has an account', async () => {
      expect((await cancel(anct, prescriberA.userId).expect(409)).body.code).toBe('INVITATION_NOT_PENDING');
      expect(await userByEmail(prescriberA.email)).toMatchObject({ status: 'active' });
    });
  });

  describe('deactivating a person', () => {
    it('lets a funder end the access of an agent who left its structure, even the last administrator, and invite the next one', async () => {
      // A structure whose only person, its administrator, leaves.
      const leaving = await prescriberAgent(testApp, funderA);
      const login = await http(testApp).post('/api/v1/auth/login').send({ email: leaving.email, password: TEST_PASSWORD }).expect(200);
      const deactivated = await deactivate(funderA, leaving.userId).expect(200);
      expect(deactivated.body).toMatchObject({ id: leaving.userId, organisationId: leaving.organisationId, status: 'deactivated' });
      await http(testApp).get('/api/v1/auth/me').set(bearer(leaving.token)).expect(401);
      await http(testApp).post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
      await http(testApp).post('/api/v1/auth/login').send({ email: leaving.email, password: TEST_PASSWORD }).expect(401);
      expect(
        await testApp.dataSource.query(`SELECT count(*)::int AS live FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [
          leaving.userId,
        ]),
      ).toEqual([{ live: 0 }]);
      expect(
        await testApp.dataSource.query(
          `SELECT actor_user_id AS "actorUserId", actor_organisation_id AS "actorOrganisationId",
                  object_organisation_id AS "objectOrganisationId", before, after
             FROM audit_events WHERE object_id = $1 AND action = 'user.deactivated'`,
          [leaving.userId],
        ),
      ).toEqual([
        {
          actorUserId: funderA.userId,
          actorOrganisationId: funderA.organisationId,
          objectOrganisationId: leaving.organisationId,
          before: { status: 'active' },
          after: { status: 'deactivated' },
        },
      ]);
      const listed = await people(funderA, leaving.organisationId).expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: leaving.userId, status: 'deactivated' })]);
      // Nobody is left in the structure to invite a successor: the funder does.
      await invite(funderA, { email: uniqueEmail('successor'), organisationId: leaving.organisationId, isOrganisationAdmin: true }).expect(
        201,
      );
    });

    it('lets any of the funder’s managers do it, while its own people stay its administrators’ business', async () => {
      const colleague = await invitedColleague(testApp, funderA);
      const asColleague = { ...funderA, userId: colleague.id, token: colleague.accessToken };
      const agent = await invitedColleague(testApp, prescriberA);
      await deactivate(asColleague, agent.id).expect(200);
      expect(await userByEmail(agent.email)).toMatchObject({ status: 'deactivated' });
      // The funder's own people, the colleague's own account included: its administrators only, as for invitations.
      const otherColleague = await invitedColleague(testApp, funderA);
      expect((await deactivate(asColleague, otherColleague.id).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await deactivate(asColleague, colleague.id).expect(403)).body.code).toBe('FORBIDDEN');
      // An administrator cannot deactivate their own account.
      expect((await deactivate(funderA, funderA.userId).expect(422)).body.code).toBe('CANNOT_DEACTIVATE_SELF');
      expect((await deactivate(prescriberA, prescriberA.userId).expect(422)).body.code).toBe('CANNOT_DEACTIVATE_SELF');
      const statuses = await testApp.dataSource.query(`SELECT status FROM users WHERE id = ANY($1)`, [
        [otherColleague.id, colleague.id, funderA.userId, prescriberA.userId],
      ]);
      expect(statuses).toEqual(Array(4).fill({ status: 'active' }));
    });

    it('cannot reach another funder’s structure nor any other organisation: 404 like a missing user, nothing changed', async () => {
      const agentOfB = await invitedColleague(testApp, prescriberB);
      const venueColleague = await invitedColleague(testApp, venue);
      const missingUser = await deactivate(funderA, MISSING_USER).expect(404);
      const before = await tableCounts(testApp);
      const outOfReach = [agentOfB.id, prescriberB.userId, venueColleague.id, venue.userId, funderB.userId, anct.userId];
      for (const userId of outOfReach) {
        const refused = await deactivate(funderA, userId).expect(404);
        expect({ ...refused.body, requestId: undefined }).toEqual({ ...missingUser.body, requestId: undefined });
      }
      // Nor may a structure reach its funder's people.
      await deactivate(prescriberA, funderA.userId).expect(404);
      expect(await tableCounts(testApp)).toEqual(before);
      const statuses = await testApp.dataSource.query(`SELECT status FROM users WHERE id = ANY($1)`, [[...outOfReach, funderA.userId]]);
      expect(statuses).toEqual(Array(outOfReach.length + 1).fill({ status: 'active' }));
      // The funder that works with that structure can.
      await deactivate(funderB, agentOfB.id).expect(200);
      expect(await userByEmail(agentOfB.email)).toMatchObject({ status: 'deactivated' });
    });
  });

  describe('inviting an address held by an earlier invitation', () => {
    it('answers EMAIL_ALREADY_USED while that invitation works, and re-invites once it has expired', async () => {
      // Somebody applied as a venue with this person's address and never accepted.
      const application = venueApplication();
      const email = application.admin.email;
      await http(testApp).post('/api/v1/venues/applications').send(application).expect(201);
      const held = await userByEmail(email);
      const oldToken = (await invitationInOutbox(testApp.dataSource, email)).token;
      const asAgent = { email, organisationId: prescriberA.organisationId, displayName: 'La vraie personne' };
      expect((await invite(funderA, asAgent).expect(409)).body.code).toBe('EMAIL_ALREADY_USED');

      await expire(held!.id);
      const reinvited = await invite(funderA, asAgent).expect(201);
      expect(reinvited.body.user).toMatchObject({
        id: held!.id,
        organisationId: prescriberA.organisationId,
        role: 'prescriber_agent',
        displayName: 'La vraie personne',
        isOrganisationAdmin: false,
        status: 'invited',
      });
      expect(await userByEmail(email)).toMatchObject({ organisationId: prescriberA.organisationId, role: 'prescriber_agent' });
      expect(await pendingInvitationMails(email)).toHaveLength(1);
      const audit = await auditOf(held!.id);
      expect(audit.map((event) => event.action)).toEqual(['user.invited', 'user.invited']);
      expect(audit[1].before).toMatchObject({ organisationId: held!.organisationId, role: 'venue_agent', isOrganisationAdmin: true });
      expect((await accept(oldToken).expect(400)).body.code).toBe('INVALID_INVITATION');
      await accept(reinvited.body.invitationToken).expect(200);

      // Accepted now: the address is taken for good.
      await expire(held!.id);
      expect((await invite(anct, { email }).expect(409)).body.code).toBe('EMAIL_ALREADY_USED');
    });

    it('keeps a deactivated account’s address taken, expired invitation or not', async () => {
      const email = uniqueEmail('deactivated');
      const invited = await invite(prescriberA, { email }).expect(201);
      await http(testApp).post(`/api/v1/users/${invited.body.user.id}/deactivate`).set(bearer(prescriberA.token)).expect(200);
      await expire(invited.body.user.id);
      expect((await invite(prescriberA, { email }).expect(409)).body.code).toBe('EMAIL_ALREADY_USED');
    });
  });
});
