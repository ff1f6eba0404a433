import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { currentContext } from './request-context';

let rootLogger: Logger = pino({ level: 'info' });

/** Structured JSON logs; every line carries the request id (or job id) of the context it was written in. */
export function configureRootLogger(level: string, base: Record<string, unknown>): Logger {
  rootLogger = pino({
    level,
    base,
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const context = currentContext();
      return context ? { requestId: context.requestId } : {};
    },
  });
  return rootLogger;
}

export function getRootLogger(): Logger {
  return rootLogger;
}

/** Adapter so that Nest's own `Logger` (one per class) writes through pino. */
export class PinoNestLogger implements LoggerService {
  log(message: unknown, context?: string) {
    rootLogger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    rootLogger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    rootLogger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    rootLogger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    rootLogger.trace({ context }, String(message));
  }
}
