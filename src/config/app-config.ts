import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  ValidateBy,
  ValidationError,
} from 'class-validator';
import { isValidIban } from '../modules/reimbursements/iban.rules';
import { STATEMENT_PERIODS, type StatementPeriod } from '../modules/reimbursements/statement-period.rules';
import { BYTE_SIZE_PATTERN } from '../common/http/byte-size';
import { isProxyAddressList } from '../common/http/trusted-proxies';

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);

/** Five-field cron (minute hour day-of-month month day-of-week), as BullMQ job schedulers read it. */
const CRON_PATTERN = /^\s*(\S+\s+){4}\S+\s*$/;
const IsCron = () =>
  Matches(CRON_PATTERN, { message: ({ property }) => `${property} must be a five-field cron pattern such as "0 5 1 * *"` });

const IsSepaIban = () =>
  ValidateBy({
    name: 'isSepaIban',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidIban(value),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a valid SEPA IBAN (mod-97 check)`,
    },
  });

const IsProxyAddressList = () =>
  ValidateBy({
    name: 'isProxyAddressList',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isProxyAddressList(value),
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be IP addresses or CIDR ranges separated by commas, such as "10.0.0.5,10.1.0.0/16"`,
    },
  });

/**
 * Every setting of the service, read once from the environment and validated at boot.
 * Nothing else in the code base reads `process.env`.
 *
 * Defaults work on a developer machine (PostgreSQL on 127.0.0.1:5432, Redis on 127.0.0.1:6379).
 * Secrets have development defaults only: in production they must be set explicitly.
 */
export class AppConfig {
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV: NodeEnvironment = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/pass_numerique';

  /** PostgreSQL connections per process. A redemption holds one for its whole transaction: size it to the concurrency expected. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  /**
   * Online redemptions are read, and written, in batches formed by the load (group commit): at most
   * this many batches of each kind run at once, each on one connection; a redemption arriving while
   * all are busy joins the next batch. Fewer lanes, bigger batches and less PostgreSQL work per
   * redemption; 2 rather than 1 so that a batch held up (a lock wait, a slow commit) does not stop the
   * others: the next ones go through the other lane.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  REDEMPTION_BATCH_LANES = 2;

  /** The most redemptions one batch (one transaction) may carry. 1 turns batching off. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  REDEMPTION_BATCH_MAX_SIZE = 32;

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key (queues, counters): lets several installs or test runs share one Redis. */
  @Matches(/^[a-z0-9_-]{1,32}$/)
  REDIS_PREFIX = 'pn';

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** The built web application (Vite's output), served on `/`; relative paths are from the working directory. */
  @IsString()
  @MinLength(1)
  WEB_DIST_DIR = 'web/dist';

  @IsString()
  @MinLength(32)
  JWT_SECRET = 'development-only-jwt-secret-change-me-0123456789';

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Failed logins allowed per e-mail address in LOGIN_WINDOW_SECONDS before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_EMAIL = 10;

  /** Failed logins allowed per IP address (higher: a whole office may share one address). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /**
   * ProConnect (OpenID Connect federation of the State for professionals): issuer (discovery at
   * `<issuer>/.well-known/openid-configuration`), client id and secret, and the callback address registered
   * with it (`…/api/v1/auth/proconnect/callback`). Sign-in with ProConnect is off while any of the four is empty.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PROCONNECT_ISSUER?: string;

  @IsOptional()
  @IsString()
  PROCONNECT_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  PROCONNECT_CLIENT_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PROCONNECT_REDIRECT_URL?: string;

  /** Where ProConnect sends the browser back after logout (registered with it); empty: PUBLIC_BASE_URL. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PROCONNECT_POST_LOGOUT_REDIRECT_URL?: string;

  /** How long a password reset link works (minutes). */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** Password reset requests accepted per e-mail address, and per IP address, in PASSWORD_RESET_WINDOW_SECONDS (429 above). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_RESET_MAX_PER_EMAIL = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_RESET_MAX_PER_IP = 20;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  PASSWORD_RESET_WINDOW_SECONDS = 3600;

  /**
   * How long an authenticated caller (person or API key) is kept in memory instead of being re-read
   * from PostgreSQL on each request; 0 = re-read every time. Deactivations and revocations made through
   * the API reach every instance at once (Redis pub/sub); a direct database edit waits out this delay.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  AUTH_CACHE_TTL_SECONDS = 5;

  /**
   * Anti-guessing: look-ups of chèque codes that match no chèque (typos caught by the check character
   * do not count), per person or API key, per venue and per IP address, in VOUCHER_LOOKUP_WINDOW_SECONDS.
   * Past one of them, check and redeem answer 429 without looking anything up, and ANCT gets an audit row.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  VOUCHER_LOOKUP_MAX_FAILURES_PER_ACTOR = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  VOUCHER_LOOKUP_MAX_FAILURES_PER_VENUE = 25;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  VOUCHER_LOOKUP_MAX_FAILURES_PER_IP = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  VOUCHER_LOOKUP_WINDOW_SECONDS = 900;

  /** Oldest offline scan accepted at synchronisation (device time); also the window of the offline value ceiling. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 31)
  OFFLINE_SCAN_MAX_AGE_HOURS = 168;

  /**
   * Days an answer stored under an `Idempotency-Key` is kept for replays; the daily expiry job purges
   * older ones. Longer than any client retries (an offline device may sync a week late: see above).
   */
  @Transform(toInt)
  @IsInt()
  @Min(8)
  @Max(3650)
  IDEMPOTENCY_RETENTION_DAYS = 30;

  /** Venue applications accepted per IP address per day (the application form is public). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  VENUE_APPLICATIONS_PER_IP_PER_DAY = 5;

  /**
   * Reverse proxies (IP addresses or CIDR ranges, comma-separated) whose `X-Forwarded-For` is believed.
   * Empty: the client's address is the TCP peer's, whatever headers it sends (per-address limits and audit rows use it).
   */
  @IsProxyAddressList()
  TRUSTED_PROXIES = '';
  /** SIRET of the producer named in the standard export's file name (ANCT by default). */
  @Matches(/^\d{14}$/)
  STANDARD_EXPORT_PRODUCER_SIRET = '13002603200016';

  /** Largest venue file ANCT may import (CSV or JSON in the national standard). */
  @Matches(BYTE_SIZE_PATTERN)
  VENUE_IMPORT_MAX_SIZE = '20mb';

  /** Largest accepted JSON body; larger requests get 413. */
  @Matches(BYTE_SIZE_PATTERN)
  HTTP_BODY_LIMIT = '256kb';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Where generated files (print runs, reports, statements) are written. */
  @IsString()
  STORAGE_DIR = 'var/storage';

  /**
   * Secrets from which chèque codes are derived, as `version:base64` pairs separated by commas
   * (each at least 32 bytes). New chèques use the highest version; older ones stay printable.
   */
  @Matches(/^\d{1,4}:[A-Za-z0-9+/=_-]{43,}(,\d{1,4}:[A-Za-z0-9+/=_-]{43,})*$/, {
    message: 'VOUCHER_CODE_SECRETS must be version:base64 pairs (32+ bytes each), comma-separated',
  })
  VOUCHER_CODE_SECRETS = '1:ZGV2ZWxvcG1lbnQtb25seS12b3VjaGVyLWNvZGUtc2VjcmV0LTMyYnl0ZXMhIQ==';

  /**
   * Ed25519 keys that sign the QR codes of chèques: comma-separated `keyId:base64(PKCS#8 DER):notBefore:notAfter`
   * (dates YYYY-MM-DD, UTC). New chèques are signed with the newest key valid now; retired keys stay
   * listed so that chèques they signed still verify. A key must outlive the chèques it signs.
   */
  @Matches(
    /^[A-Za-z0-9._-]{1,16}:[A-Za-z0-9+/=]+:\d{4}-\d{2}-\d{2}:\d{4}-\d{2}-\d{2}(,[A-Za-z0-9._-]{1,16}:[A-Za-z0-9+/=]+:\d{4}-\d{2}-\d{2}:\d{4}-\d{2}-\d{2})*$/,
    {
      message: 'SIGNING_KEYS must be keyId:base64(PKCS#8 DER):YYYY-MM-DD:YYYY-MM-DD entries, comma-separated',
    },
  )
  SIGNING_KEYS = 'dev-2026:MC4CAQAwBQYDK2VwBCIEIHBhc3MtbnVtZXJpcXVlLWRldmVsb3BtZW50LWtleSEh:2026-01-01:2035-12-31';

  /**
   * Key of the pseudonymous person id: HMAC-SHA256 of the name and birth date a prescriber types, so that
   * reports count people and a second active carnet is flagged, without the platform ever storing who it is.
   * Changing it unlinks every earlier pseudonym.
   */
  @IsString()
  @MinLength(32)
  PSEUDONYM_SECRET = 'development-only-pseudonym-secret-change-me-0123456789';

  /** Carnets are no longer handed out this many days before their chèques expire (historically J-15). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  DISTRIBUTION_STOP_DAYS = 15;

  /** A print run is split into PDF files of at most this many carnets (bounded memory, files a printer accepts). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  PRINT_RUN_CARNETS_PER_FILE = 250;

  /** Most carnets one print run may ask for. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20000)
  PRINT_RUN_MAX_CARNETS = 5000;

  /** Threads that render PDFs, per process (API and worker each have their own); rendering never runs on the event loop. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  PDF_RENDER_THREADS = 1;

  /** Grace given to in-flight requests and jobs on SIGTERM before the process exits. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SHUTDOWN_GRACE_SECONDS = 25;

  /**
   * Chèques written per transaction by the carnet generation job (rounded down to whole carnets). Each
   * chunk commits with the order's progress: smaller chunks lose less work to a crash, larger ones
   * commit less often.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  GENERATION_CHUNK_VOUCHERS = 10_000;

  /**
   * Chunks of one order written at the same time, each on its own PostgreSQL connection: while one
   * is copied into PostgreSQL, the worker computes the codes of the next.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(8)
  GENERATION_CONCURRENCY = 2;

  /** How often venues are reimbursed: `monthly` (1st → last day) or `twice_monthly` (1st → 15th, 16th → last day). */
  @IsIn(STATEMENT_PERIODS)
  REIMBURSEMENT_STATEMENT_PERIOD: StatementPeriod = 'monthly';

  /**
   * When statements are drawn up (Europe/Paris). Unset, the schedule follows the period: the 1st at
   * 05:00 (monthly), the 1st and the 16th at 05:00 (twice a month), for the period just over.
   */
  @IsOptional()
  @IsCron()
  REIMBURSEMENT_STATEMENT_CRON?: string;

  /** When chèques past their validity and grace period are expired and credit notes written (Europe/Paris). */
  @IsCron()
  EXPIRY_CRON = '30 2 * * *';

  /** When the State share due to each funder is brought up to date in the ledger (Europe/Paris). */
  @IsCron()
  STATE_SHARE_CRON = '0 3 * * *';

  /**
   * The State share counts redemptions recorded at least this long before it runs: one whose
   * transaction is still committing is then counted by the next run, never missed. Longer than the
   * longest redemption transaction.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  STATE_SHARE_SETTLING_SECONDS = 60;

  /** When the reconciliation checks run (Europe/Paris); after expiry and State share so their lines are in. */
  @IsCron()
  RECONCILIATION_CRON = '0 4 * * *';

  /**
   * How often each worker checks Redis against PostgreSQL: job schedules missing are created again, and
   * runs PostgreSQL says are pending (orders paid, print runs, reports, statement runs…) get their job back
   * if Redis lost it (a flush, a failover without persistence).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  JOB_RECOVERY_INTERVAL_SECONDS = 60;

  /** How many days ahead funders are warned of carnets about to expire unused (historically J-30). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  EXPIRY_WARNING_DAYS = 30;

  /** Carnets a prescriber structure has held unissued for longer than this are "dormant" in the funder's view (a quarter). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(730)
  DORMANT_STOCK_DAYS = 90;

  /** Debtor of the SEPA credit transfers reimbursing venues: the ANCT paying account. */
  @IsString()
  @MinLength(2)
  @MaxLength(70)
  ANCT_PAYER_NAME = 'Agence nationale de la cohesion des territoires';

  @IsSepaIban()
  ANCT_PAYER_IBAN = 'FR7630006000011234567890189';

  /** Optional since SEPA "IBAN only"; empty = not provided. */
  @IsOptional()
  @Matches(/^([A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?)?$/, { message: 'ANCT_PAYER_BIC must be an 8 or 11 character BIC' })
  ANCT_PAYER_BIC?: string = 'BDFEFRPPCCT';

  /**
   * SMTP server e-mails are sent through, as `smtp://user:password@host:587` (STARTTLS when offered) or
   * `smtps://…:465`. Empty: nothing is sent, each message is written as an `.eml` file in MAIL_FILES_DIR
   * and logged, so a fresh install works without a mail server.
   */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  /** Sender of every e-mail (`Name <address>`). */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Pass numérique <ne-pas-repondre@pass-numerique.localhost>';

  /** Where messages are written as `.eml` files when SMTP_URL is empty. */
  @IsString()
  MAIL_FILES_DIR = 'var/mail';

  /** How often the worker hands pending e-mails of the outbox to the queue (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  OUTBOX_DISPATCH_SECONDS = 10;

  /** Attempts to send one e-mail before the outbox hands it over again (after OUTBOX_REDISPATCH_MINUTES). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  OUTBOX_DELIVERY_ATTEMPTS = 8;

  /** First delay between two attempts (milliseconds), doubled after each failure. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_RETRY_DELAY_MS = 15_000;

  /** A message still unsent this long after it was handed to the queue (all attempts failed, or Redis lost it) is handed over again. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_REDISPATCH_MINUTES = 120;

  /**
   * Sent e-mails are kept in the outbox this many days (to answer "was it sent, when, to whom?"), then
   * deleted by the daily purge. Unsent ones are never purged. Past this time, the same event written again
   * would be sent again: keep it longer than any event can repeat (events are state changes that happen once).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  OUTBOX_SENT_RETENTION_DAYS = 90;

  /** When the purge of sent e-mails older than OUTBOX_SENT_RETENTION_DAYS runs (Europe/Paris). */
  @IsCron()
  OUTBOX_PURGE_CRON = '15 4 * * *';

  /**
   * GDPR retention: a beneficiary's personal data (first name, birth year, pseudonym) is erased this many days
   * after the last of their carnets is finished (fully used, expired or cancelled). Counts, amounts and the
   * audit trail are kept.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  BENEFICIARY_DATA_RETENTION_DAYS = 365;

  /** When the retention job erases the personal data whose retention period is over (Europe/Paris). */
  @IsCron()
  BENEFICIARY_ERASURE_CRON = '45 3 * * *';

  /** When the J-30 (expiring carnets) and J-15 (distribution stop) digests are written (Europe/Paris). */
  @IsCron()
  NOTIFICATION_DIGEST_CRON = '0 7 * * *';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

/** Thrown at boot when a setting is missing or invalid; its message is the one sentence an operator reads. */
export class ConfigError extends Error {}

/** Settings whose development default must never reach production: secrets, and the account public money leaves from. */
const DEVELOPMENT_DEFAULT_SECRETS: ReadonlyArray<keyof AppConfig> = [
  'JWT_SECRET',
  'VOUCHER_CODE_SECRETS',
  'SIGNING_KEYS',
  'PSEUDONYM_SECRET',
  'ANCT_PAYER_IBAN',
];

export function loadAppConfig(environment: NodeJS.ProcessEnv): AppConfig {
  const provided = Object.fromEntries(
    Object.entries(environment).filter(([key, value]) => key in new AppConfig() && value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, provided, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(describeFirstError(errors[0], provided[errors[0].property]));
  }
  if (config.isProduction) {
    const missing = DEVELOPMENT_DEFAULT_SECRETS.filter((key) => provided[key] === undefined);
    if (missing.length > 0) {
      throw new ConfigError(`${missing.join(', ')} must be set explicitly when NODE_ENV=production.`);
    }
  }
  return config;
}

function describeFirstError(error: ValidationError, rawValue: unknown): string {
  const value = error.property.includes('SECRET') ? '(hidden)' : JSON.stringify(rawValue ?? error.value);
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `Invalid setting ${error.property}=${value}: ${reasons}. Fix it in the environment (see README "Configuration").`;
}
