import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

export interface OutgoingMail {
  /** Stable per message: a copy sent again after a crash carries the same Message-ID, and mail clients fold it. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends e-mails through SMTP_URL; without it, writes each one as an `.eml` file in MAIL_FILES_DIR (complete
 * RFC 5322 message, opened by any mail client) and logs it: nothing fails for lack of a mail server.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly filesDir: string | null;

  constructor(private readonly config: AppConfig) {
    if (config.SMTP_URL) {
      this.transporter = createTransport(smtpOptions(config.SMTP_URL));
      this.filesDir = null;
    } else {
      this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.filesDir = resolve(config.MAIL_FILES_DIR);
    }
  }

  get mode(): 'smtp' | 'files' {
    return this.filesDir ? 'files' : 'smtp';
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    if (!this.filesDir) return;
    await mkdir(this.filesDir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9@.-]/g, '')}.eml`;
    const temporary = join(this.filesDir, `.${name}.part`);
    await writeFile(temporary, info.message as Buffer);
    await rename(temporary, join(this.filesDir, name));
    this.logger.log(`No SMTP_URL: e-mail "${mail.subject}" to ${mail.to} written to ${join(this.filesDir, name)}`);
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}

/** `smtp://user:password@host:port` as nodemailer options, with timeouts short enough that a dead server fails the attempt, not the worker. */
export function smtpOptions(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}
