import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { BeneficiaryPersonalDataDto } from './dto/beneficiary-personal-data.dto';
import { PersonalDataService } from './personal-data.service';

@ApiTags('personal data (GDPR)')
@ApiBearerAuth()
@Controller('beneficiaries')
@Roles('prescriber_agent', 'anct_admin')
@UsersOnly()
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  /** Everything held about one beneficiary (right of access), audited. */
  @Get(':id/personal-data')
  @ApiOkResponse({ type: BeneficiaryPersonalDataDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  export(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.personalData.export(actor, id);
  }

  /** Erases the beneficiary's first name, birth year and pseudonym (right to erasure); counts, amounts and audit are kept. Idempotent. */
  @Post(':id/erasure')
  @HttpCode(200)
  @ApiOkResponse({ type: BeneficiaryPersonalDataDto, description: 'What is still held after the erasure.' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  erase(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.personalData.eraseOnRequest(actor, id);
  }
}
