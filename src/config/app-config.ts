import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

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

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key (queues, counters): lets several installs or test runs share one Redis. */
  @Matches(/^[a-z0-9_-]{1,32}$/)
  REDIS_PREFIX = 'pn';

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

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

  /** Venue applications accepted per IP address per day (the application form is public). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  VENUE_APPLICATIONS_PER_IP_PER_DAY = 5;

  /** Largest accepted JSON body; larger requests get 413. */
  @Matches(/^\d+(b|kb|mb)$/)
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
  @Matches(/^[A-Za-z0-9._-]{1,16}:[A-Za-z0-9+/=]+:\d{4}-\d{2}-\d{2}:\d{4}-\d{2}-\d{2}(,[A-Za-z0-9._-]{1,16}:[A-Za-z0-9+/=]+:\d{4}-\d{2}-\d{2}:\d{4}-\d{2}-\d{2})*$/, {
    message: 'SIGNING_KEYS must be keyId:base64(PKCS#8 DER):YYYY-MM-DD:YYYY-MM-DD entries, comma-separated',
  })
  SIGNING_KEYS = 'dev-2026:MC4CAQAwBQYDK2VwBCIEIHBhc3MtbnVtZXJpcXVlLWRldmVsb3BtZW50LWtleSEh:2026-01-01:2035-12-31';

  /** Grace given to in-flight requests and jobs on SIGTERM before the process exits. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SHUTDOWN_GRACE_SECONDS = 25;

  @IsOptional()
  @IsString()
  WORKER_CONCURRENCY?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

/** Thrown at boot when a setting is missing or invalid; its message is the one sentence an operator reads. */
export class ConfigError extends Error {}

const DEVELOPMENT_DEFAULT_SECRETS: ReadonlyArray<keyof AppConfig> = ['JWT_SECRET', 'VOUCHER_CODE_SECRETS', 'SIGNING_KEYS'];

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
