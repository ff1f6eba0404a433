import { NestFactory } from '@nestjs/core';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, parisToday, startOfMonth, startOfParisDay } from '../src/common/time/paris-time';
import { NotificationDigestsService } from '../src/modules/notifications/notification-digests.service';
import { OutboxService, PURGE_BATCH } from '../src/modules/notifications/outbox.service';
import { WEB_PATHS, webLink } from '../src/web/web-paths';
import { defaultStatementPeriodEnd } from '../src/modules/reimbursements/statement-period.rules';
import { WorkerModule } from '../src/worker.module';
import { anctAdmin, bearer, funderManager, http, invitedColleague, type LoggedIn, prescriberAgent, venueAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, markCarnetsIssued } from './support/factories';
import { uniqueEmail } from './support/identifiers';
import { qualifyVenue, redeemVouchers, waitForJobRun } from './support/money-factories';
import { approvedOrder, enrolViaApi, paymentOf, programmeViaApi, submittedOrder } from './support/orders';
import { decide } from './support/redemption-fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function outboxRows(
  testApp: TestApp,
  email: string,
): Promise<Array<{ kind: string; status: string; attempts: number; last_error: string | null }>> {
  return testApp.dataSource.query(
    `SELECT kind, status, attempts, last_error FROM outbox_messages WHERE recipient_email = $1 ORDER BY created_at`,
    [email],
  );
}

describe('E-mails through the outbox, sent by the worker over SMTP', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;

  beforeAll(async () => {
    await smtp.start();
    testApp = await createTestApp({
      withWorker: true,
      settings: { SMTP_URL: smtp.url, OUTBOX_DISPATCH_SECONDS: '1', OUTBOX_RETRY_DELAY_MS: '400', OUTBOX_DELIVERY_ATTEMPTS: '10' },
    });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
    await smtp.stop();
  });

  it('sends the invitation to the invited person, once, with the link the inviter also gets', async () => {
    const email = uniqueEmail('invited');
    const invited = await http(testApp)
      .post('/api/v1/users')
      .set(bearer(funder.token))
      .send({ email, displayName: 'Inès Martin' })
      .expect(201);
    await smtp.waitFor(() => smtp.to(email).length === 1);
    const [mail] = smtp.to(email);
    expect(mail.subject).toBe('[Pass numérique] Votre invitation');
    expect(mail.text).toContain('Bonjour Inès Martin,');
    expect(mail.text).toContain('Département 69');
    expect(mail.text).toContain(invited.body.invitationUrl);
    expect(mail.html).toContain(`href="${invited.body.invitationUrl}"`);
    expect(mail.messageId).toMatch(/@localhost>$/);
    // Later dispatches find nothing more to send.
    await sleep(2500);
    expect(smtp.to(email)).toHaveLength(1);
    expect(await outboxRows(testApp, email)).toEqual([{ kind: 'invitation', status: 'sent', attempts: 1, last_error: null }]);
  });

  it('tells the funder’s users of ANCT’s decisions, except those who turned that notification off', async () => {
    const colleague = await invitedColleague(testApp, funder);
    const preferences = await http(testApp).get('/api/v1/notification-preferences').set(bearer(colleague.accessToken)).expect(200);
    expect(preferences.body.preferences.map((item: { kind: string }) => item.kind)).toEqual([
      'order_approved',
      'order_rejected',
      'order_ready',
      'carnets_expiring',
      'distribution_stopping',
    ]);
    expect(preferences.body.preferences.every((item: { enabled: boolean }) => item.enabled)).toBe(true);
    const updated = await http(testApp)
      .put('/api/v1/notification-preferences')
      .set(bearer(colleague.accessToken))
      .send({ preferences: [{ kind: 'order_approved', enabled: false }] })
      .expect(200);
    expect(updated.body.preferences.find((item: { kind: string }) => item.kind === 'order_approved')).toMatchObject({
      enabled: false,
      label: 'Commande approuvée',
    });

    const programme = await programmeViaApi(testApp, anct);
    await enrolViaApi(testApp, anct, programme.id, funder.organisationId);
    const steps = { anct, funder, programmeId: programme.id };
    const approved = await approvedOrder(testApp, steps);
    const rejected = await submittedOrder(testApp, steps);
    await http(testApp)
      .post(`/api/v1/orders/${rejected.id}/reject`)
      .set(bearer(anct.token))
      .send({ reason: 'Enveloppe déjà consommée' })
      .expect(200);

    await smtp.waitFor(() => smtp.to(funder.email).filter((mail) => /Commande .* (approuvée|refusée)/.test(mail.subject)).length === 2);
    await smtp.waitFor(() => smtp.to(colleague.email).some((mail) => mail.subject.includes('refusée')));
    const approvalMail = smtp.to(funder.email).find((mail) => mail.subject.includes('approuvée'))!;
    expect(approvalMail.text).toContain('200 carnets de 5 chèques');
    // Links open pages of the web application (WEB_PATHS) under PUBLIC_BASE_URL: here the funder's space.
    expect(approvalMail.text).toContain(`Voir la commande : ${webLink(testApp.config.PUBLIC_BASE_URL, WEB_PATHS.home)}\n`);
    const rejectionMail = smtp.to(colleague.email).find((mail) => mail.subject.includes('refusée'))!;
    expect(rejectionMail.text).toContain('Motif : Enveloppe déjà consommée');
    // The colleague turned approvals off: no message was even written for them.
    expect((await outboxRows(testApp, colleague.email)).map((row) => row.kind)).toEqual(['invitation', 'order_rejected']);
    expect(smtp.to(colleague.email).filter((mail) => mail.subject.includes('approuvée'))).toHaveLength(0);
    // Payment recorded: the worker generates the carnets, and the funder hears they are ready.
    await http(testApp).post(`/api/v1/orders/${approved.id}/payment`).set(bearer(anct.token)).send(paymentOf(approved)).expect(200);
    await smtp.waitFor(() => smtp.to(colleague.email).some((mail) => mail.subject.includes('disponibles')), 40_000);
    expect(smtp.to(colleague.email).find((mail) => mail.subject.includes('disponibles'))!.text).toContain(
      'Les 200 carnets de votre commande',
    );
    // Nobody outside the funder hears of it.
    expect(smtp.to(anct.email).filter((mail) => mail.subject.includes('Commande'))).toHaveLength(0);
  });

  it('refuses preferences that do not concern the organisation', async () => {
    const notMine = await http(testApp)
      .put('/api/v1/notification-preferences')
      .set(bearer(funder.token))
      .send({ preferences: [{ kind: 'statement_paid', enabled: false }] })
      .expect(422);
    expect(notMine.body).toMatchObject({ code: 'NOTIFICATION_NOT_APPLICABLE', details: { kinds: ['statement_paid'] } });
    await http(testApp)
      .put('/api/v1/notification-preferences')
      .set(bearer(funder.token))
      .send({ preferences: [{ kind: 'invitation', enabled: false }] })
      .expect(422);
    const unknown = await http(testApp)
      .put('/api/v1/notification-preferences')
      .set(bearer(funder.token))
      .send({ preferences: [{ kind: 'spam', enabled: false }] })
      .expect(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
  });

  it('sends one J-30 digest and one J-15 digest per organisation holding the carnets, not one e-mail per carnet', async () => {
    const localFunder = await funderManager(testApp, anct, '01');
    const prescriber = await prescriberAgent(testApp, localFunder, '01053');
    const programme = await createProgramme(testApp);
    await enrolFunder(testApp, programme.id, localFunder.organisationId);
    const now = Date.now();
    const expiring = await createReadyOrder(testApp, {
      programme,
      funderId: localFunder.organisationId,
      carnetCount: 4,
      expiresAt: new Date(now + 20 * 86_400_000),
    });
    await allocateCarnets(
      testApp,
      expiring.carnets.slice(0, 3).map((carnet) => carnet.id),
      prescriber.organisationId,
    );
    await markCarnetsIssued(testApp, [expiring.carnets[0].id]);
    const closing = await createReadyOrder(testApp, {
      programme,
      funderId: localFunder.organisationId,
      carnetCount: 2,
      expiresAt: new Date(now + 10 * 86_400_000),
    });
    await allocateCarnets(testApp, [closing.carnets[0].id], prescriber.organisationId);

    const digests = testApp.worker!.get(NotificationDigestsService);
    await digests.writeDigests();
    const again = await digests.writeDigests();

    await smtp.waitFor(() => smtp.to(localFunder.email).length >= 3 && smtp.to(prescriber.email).length >= 3);
    await sleep(1500);
    const funderDigests = smtp.to(localFunder.email).filter((mail) => !mail.subject.includes('invitation'));
    const prescriberDigests = smtp.to(prescriber.email).filter((mail) => !mail.subject.includes('invitation'));
    // Per organisation: one J-30 digest per expiry day (the two orders expire on different days) and one J-15 digest.
    expect(funderDigests.filter((mail) => /^\[Pass numérique\] 4 carnet\(s\) arrivent à échéance le /.test(mail.subject))).toHaveLength(1);
    expect(funderDigests.filter((mail) => /^\[Pass numérique\] 2 carnet\(s\) arrivent à échéance le /.test(mail.subject))).toHaveLength(1);
    expect(
      funderDigests.filter((mail) => mail.subject.startsWith('[Pass numérique] Fin de la distribution de 2 carnet(s) le ')),
    ).toHaveLength(1);
    expect(funderDigests).toHaveLength(3);
    expect(prescriberDigests.filter((mail) => mail.subject.includes('3 carnet(s) arrivent'))).toHaveLength(1);
    expect(prescriberDigests.filter((mail) => mail.subject.includes('1 carnet(s) arrivent'))).toHaveLength(1);
    expect(prescriberDigests.filter((mail) => mail.subject.includes('Fin de la distribution de 1 carnet(s)'))).toHaveLength(1);
    expect(prescriberDigests).toHaveLength(3);
    const funderJ30 = funderDigests.find((mail) => mail.subject.includes('4 carnet(s)'))!;
    expect(funderJ30.text).toContain(`Commande ${expiring.order.number} : 4 carnet(s), 20 chèque(s) non utilisés (200,00\u00a0€)`);
    expect(again).toEqual({ expiringMessages: 0, distributionMessages: 0 });
  });

  it('tells a venue of its qualification, its statement drawn up and its statement paid', async () => {
    const venue = await venueAgent(testApp, anct);
    await decide(testApp, anct, venue.organisationId, 'qualify');
    await smtp.waitFor(() => smtp.to(venue.email).some((mail) => mail.subject.startsWith('[Pass numérique] Votre lieu est qualifié')));

    const prescriber = await prescriberAgent(testApp, funder);
    const programme = await createProgramme(testApp);
    await enrolFunder(testApp, programme.id, funder.organisationId);
    const order = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 1, carnetSize: 5 });
    await allocateCarnets(testApp, [order.carnets[0].id], prescriber.organisationId);
    await markCarnetsIssued(testApp, [order.carnets[0].id]);
    await qualifyVenue(testApp, venue.organisationId);
    const periodEnd = defaultStatementPeriodEnd(new Date());
    const scannedAt = new Date(startOfParisDay(addDays(startOfMonth(periodEnd), 9)).getTime() + 12 * 3_600_000);
    await redeemVouchers(
      testApp,
      order.carnets[0].vouchers.slice(0, 3).map((voucher) => voucher.id),
      { venueId: venue.organisationId, scannedAt },
    );
    const run = await http(testApp).post('/api/v1/reimbursement-statement-runs').set(bearer(anct.token)).send({ periodEnd }).expect(202);
    await waitForJobRun(testApp, run.body.id);
    await smtp.waitFor(() => smtp.to(venue.email).some((mail) => mail.subject.startsWith('[Pass numérique] Relevé de remboursement')));
    const drawnUp = smtp.to(venue.email).find((mail) => mail.subject.startsWith('[Pass numérique] Relevé de remboursement'))!;
    expect(drawnUp.text).toContain('3 chèque(s) encaissé(s), 30,00\u00a0€');

    const statement = (await http(testApp).get('/api/v1/reimbursement-statements').set(bearer(venue.token)).expect(200)).body.items[0];
    await http(testApp).post(`/api/v1/reimbursement-statements/${statement.id}/validate`).set(bearer(anct.token)).expect(200);
    await http(testApp)
      .put(`/api/v1/venues/${venue.organisationId}/bank-account`)
      .set(bearer(venue.token))
      .send({ iban: 'FR14 2004 1010 0505 0001 3M02 606', holderName: 'EPN' })
      .expect(200);
    const today = parisToday(new Date());
    const batch = await http(testApp)
      .post('/api/v1/payment-batches')
      .set(bearer(anct.token))
      .send({ statementIds: [statement.id], requestedExecutionDate: today })
      .expect(201);
    await http(testApp)
      .post(`/api/v1/payment-batches/${batch.body.id}/confirm`)
      .set(bearer(anct.token))
      .send({ paidOn: today, bankReference: 'VIR-NOTIF-1' })
      .expect(200);
    await smtp.waitFor(() => smtp.to(venue.email).some((mail) => mail.subject === '[Pass numérique] Relevé payé : 30,00\u00a0€'));
    const paid = smtp.to(venue.email).find((mail) => mail.subject.startsWith('[Pass numérique] Relevé payé'))!;
    expect(paid.text).toContain('Référence du virement : VIR-NOTIF-1');
    expect((await outboxRows(testApp, venue.email)).map((row) => row.kind)).toEqual([
      'invitation',
      'qualification_decided',
      'statement_drawn_up',
      'statement_paid',
    ]);
  });

  it('tells ANCT of the anomalies reconciliation finds', async () => {
    // A ready order whose payment was never recorded in the ledger: reconciliation reports it.
    const programme = await createProgramme(testApp);
    await enrolFunder(testApp, programme.id, funder.organisationId);
    await createReadyOrder(testApp, { programme, funderId: funder.organisationId });
    const run = await http(testApp).post('/api/v1/reconciliation-runs').set(bearer(anct.token)).expect(202);
    const summary = await waitForJobRun(testApp, run.body.id);
    expect(summary.anomalies).toBeGreaterThan(0);
    await smtp.waitFor(() => smtp.to(anct.email).some((mail) => mail.subject.startsWith('[Pass numérique] Rapprochement')));
    const mail = smtp.to(anct.email).find((received) => received.subject.startsWith('[Pass numérique] Rapprochement'))!;
    expect(mail.subject).toBe(`[Pass numérique] Rapprochement : ${summary.anomalies} anomalie(s)`);
    expect(mail.text).toContain(`Voir les anomalies : ${webLink(testApp.config.PUBLIC_BASE_URL, WEB_PATHS.anctHome)}\n`);
    expect(smtp.to(funder.email).filter((received) => received.subject.includes('Rapprochement'))).toHaveLength(0);
  });

  it('keeps a message while the SMTP server is down and sends it, once, when it is back', async () => {
    await smtp.stop();
    const email = uniqueEmail('outage');
    await http(testApp).post('/api/v1/users').set(bearer(funder.token)).send({ email, displayName: 'Pendant la panne' }).expect(201);
    const deadline = Date.now() + 20_000;
    while ((await outboxRows(testApp, email))[0]?.attempts < 2) {
      if (Date.now() > deadline) throw new Error('no failed attempt recorded');
      await sleep(100);
    }
    const [failing] = await outboxRows(testApp, email);
    expect(failing).toMatchObject({ status: 'pending', last_error: expect.stringMatching(/ECONNREFUSED/) });
    await smtp.start();
    await smtp.waitFor(() => smtp.to(email).length === 1);
    await sleep(2500);
    expect(smtp.to(email)).toHaveLength(1);
    const [sent] = await outboxRows(testApp, email);
    expect(sent.status).toBe('sent');
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
  });
});

describe('E-mails without a mail server or a worker', () => {
  let testApp: TestApp;
  let mailDir: string;

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'pn-mail-'));
    testApp = await createTestApp({ settings: { MAIL_FILES_DIR: mailDir, OUTBOX_DISPATCH_SECONDS: '1' } });
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('keeps messages while no worker runs, then writes them as .eml files when one starts', async () => {
    const anct = await anctAdmin(testApp);
    const email = uniqueEmail('eml');
    await http(testApp).post('/api/v1/users').set(bearer(anct.token)).send({ email, displayName: 'Élise' }).expect(201);
    await sleep(1500);
    expect(await outboxRows(testApp, email)).toEqual([{ kind: 'invitation', status: 'pending', attempts: 0, last_error: null }]);
    expect(readdirSync(mailDir)).toEqual([]);

    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testApp.config), { logger: false });
    try {
      const deadline = Date.now() + 20_000;
      while ((await outboxRows(testApp, email))[0].status !== 'sent') {
        if (Date.now() > deadline) throw new Error('the worker did not send the message');
        await sleep(100);
      }
    } finally {
      await worker.close();
    }
    const files = readdirSync(mailDir).filter((name) => name.endsWith('.eml'));
    const eml = files.map((name) => readFileSync(join(mailDir, name), 'utf8')).find((content) => content.includes(`To: ${email}`));
    expect(eml).toBeDefined();
    expect(eml).toContain('Subject: =?UTF-8?');
    expect(eml).toContain('Content-Type: text/html');
    expect(eml).toContain('Content-Type: text/plain');
  });
});

describe('Purge of old sent e-mails', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ settings: { OUTBOX_SENT_RETENTION_DAYS: '30' } });
  }, 60_000);
  afterAll(() => testApp.close());

  it('deletes the messages sent more than OUTBOX_SENT_RETENTION_DAYS ago, never a pending one', async () => {
    const email = uniqueEmail('purge');
    const write = (key: string, status: 'pending' | 'sent', ageDays: number) =>
      testApp.dataSource.query(
        `INSERT INTO outbox_messages (event_key, kind, recipient_email, subject, text_body, html_body, status, sent_at, created_at)
         VALUES ($1, 'invitation', $2, 's', 't', '<p>h</p>', $3::text, CASE WHEN $3::text = 'sent' THEN now() - make_interval(days => $4) END, now() - make_interval(days => $4))`,
        [key, email, status, ageDays],
      );
    await write('purge:old-sent', 'sent', 31);
    await write('purge:recent-sent', 'sent', 29);
    await write('purge:old-pending', 'pending', 400);

    const outbox = testApp.app.get(OutboxService);
    expect(await outbox.purgeSent()).toBe(1);
    const left = await testApp.dataSource.query(`SELECT event_key FROM outbox_messages WHERE recipient_email = $1 ORDER BY event_key`, [
      email,
    ]);
    expect(left.map((row: { event_key: string }) => row.event_key)).toEqual(['purge:old-pending', 'purge:recent-sent']);
    // A second run has nothing left to do for these.
    await outbox.purgeSent();
    expect(await testApp.dataSource.query(`SELECT 1 FROM outbox_messages WHERE recipient_email = $1`, [email])).toHaveLength(2);
  });

  it('goes on batch after batch until every old sent message is gone, and counts them', async () => {
    const email = uniqueEmail('purge-many');
    const count = PURGE_BATCH + 3;
    await testApp.dataSource.query(
      `INSERT INTO outbox_messages (event_key, kind, recipient_email, subject, text_body, html_body, status, sent_at, created_at)
       SELECT 'purge-many:' || n, 'invitation', $1, 's', 't', '<p>h</p>', 'sent', now() - interval '40 days', now() - interval '40 days'
         FROM generate_series(1, $2) AS n`,
      [email, count],
    );
    expect(await testApp.app.get(OutboxService).purgeSent()).toBe(count);
    expect(await testApp.dataSource.query(`SELECT 1 FROM outbox_messages WHERE recipient_email = $1`, [email])).toHaveLength(0);
  });
});
