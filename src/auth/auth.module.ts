import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { ActorCache } from './actor-cache';
import { UsersModule } from '../modules/users/users.module';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { OrganisationApiKeysController } from './organisation-api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';
import { PasswordResetService } from './password-reset.service';
import { ProConnectController } from './proconnect/proconnect.controller';
import { ProConnectAccountsRepository } from './proconnect/proconnect-accounts.repository';
import { ProConnectService } from './proconnect/proconnect.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';

@Global()
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // A KeyObject rather than the string: given a string, jsonwebtoken tries (and fails, with an exception)
        // to read it as a public key on every single verification.
        const key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
        return { secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256' } };
      },
    }),
  ],
  controllers: [AuthController, SessionController, ApiKeysController, OrganisationApiKeysController, ProConnectController],
  providers: [
    AuthService,
    SessionService,
    ActorCache,
    PasswordHasher,
    PasswordResetService,
    ProConnectService,
    ApiKeysService,
    ApiKeysRepository,
    RefreshTokensRepository,
    ProConnectAccountsRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, ActorCache],
})
export class AuthModule {}
