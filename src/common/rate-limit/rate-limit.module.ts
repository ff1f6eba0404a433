import { Global, Module } from '@nestjs/common';
import { FailureCounter } from './failure-counter';

@Global()
@Module({ providers: [FailureCounter], exports: [FailureCounter] })
export class RateLimitModule {}
