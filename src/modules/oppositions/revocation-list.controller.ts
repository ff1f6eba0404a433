import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { RevocationListQuery } from './dto/revocation-list.query';
import { SignedRevocationListDto } from './dto/signed-revocation-list.dto';
import { RevocationListService } from './revocation-list.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';

/**
 * Public like the signing keys: serials are printed on paper and useless without the code, the list
 * is signed so a copy from anywhere (a cache, a colleague's phone) is as good as the original, and a
 * device must be able to refresh it without credentials.
 */
@ApiTags('public')
@Controller('public')
export class RevocationListController {
  constructor(private readonly revocations: RevocationListService) {}

  @Get('revocations')
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'Signed, incremental list of cancelled chèque serials (since a version), for offline verifiers' })
  @ApiOkResponse({ type: SignedRevocationListDto })
  @ApiErrors('VALIDATION_FAILED', 'SIGNING_KEY_NOT_ACTIVE')
  list(@Query() query: RevocationListQuery): Promise<SignedRevocationListDto> {
    return this.revocations.page(query.since, query.limit);
  }
}
