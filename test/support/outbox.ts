/** Runs SQL on the test database: a TestApp's `dataSource`, or a browser journey's server. */
export interface TestDatabase {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface OutboxMail {
  kind: string;
  status: string;
  subject: string;
  textBody: string;
  htmlBody: string;
}

/** Every message the outbox holds for `email`, oldest first: what the worker sends, or has sent. */
export async function outboxMailsTo(database: TestDatabase, email: string): Promise<OutboxMail[]> {
  return (await database.query(
    `SELECT kind, status, subject, text_body AS "textBody", html_body AS "htmlBody"
       FROM outbox_messages WHERE recipient_email = $1 ORDER BY created_at, id`,
    [email],
  )) as OutboxMail[];
}

/**
 * The invitation link e-mailed to `email` (its newest invitation) and the token it carries: the only way the
 * person gets it, so tests accept invitations as the person would, from the e-mail.
 */
export async function invitationInOutbox(database: TestDatabase, email: string): Promise<{ link: string; token: string }> {
  const invitation = (await outboxMailsTo(database, email.trim().toLowerCase())).filter((mail) => mail.kind === 'invitation').pop();
  const link = invitation && /(https?:\/\/\S+\/invitation#token=([A-Za-z0-9_%-]+))/.exec(invitation.textBody);
  if (!link) throw new Error(`No invitation e-mail to ${email} in the outbox`);
  return { link: link[1], token: decodeURIComponent(link[2]) };
}
