import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { PublicKeySetDto } from './dto/public-key-set.dto';
import { SigningKeysService } from './signing-keys.service';

/**
 * Public keys that verify chèque QR codes and signed lists, for venues' devices working offline.
 * Public on purpose: a public key is meant to be known, and a verifier must be able to fetch it
 * without credentials (as the French 2D-Doc and EU DCC key lists are).
 */
@ApiTags('public')
@Controller('public')
export class SigningKeysController {
  constructor(private readonly signingKeys: SigningKeysService) {}

  @Get('signing-keys')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'JWK set (Ed25519, with kid, nbf, exp) of the keys that sign chèque QR codes and revocation lists' })
  @ApiOkResponse({ type: PublicKeySetDto })
  list(): PublicKeySetDto {
    return { keys: this.signingKeys.publicKeys() };
  }
}
