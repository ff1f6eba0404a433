import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IssueCarnetDto, PersonIdentityDto } from './dto/issue-carnet.dto';
import { HolderCheckDto } from './dto/holder-check.dto';
import { IssuedCarnetDto } from './dto/issued-carnet.dto';
import { ReplaceCarnetDto } from './dto/replace-carnet.dto';
import { PassesService } from './passes.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';

@ApiTags('passes')
@ApiBearerAuth()
@Controller('carnets')
export class PassesController {
  constructor(private readonly passes: PassesService) {}

  @Post('holder-check')
  @Roles('prescriber_agent')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Before handing out: does this person (name + birth date, pseudonymised at once) already hold an active carnet? Nothing is recorded',
  })
  @ApiOkResponse({ type: HolderCheckDto })
  @ApiErrors('VALIDATION_FAILED')
  checkHolder(@Body() dto: PersonIdentityDto): Promise<HolderCheckDto> {
    return this.passes.checkHolder(dto);
  }

  @Post(':id/issue')
  @Roles('prescriber_agent')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: "Hand a carnet of the structure's stock to a beneficiary: its chèques become issued" })
  @ApiCreatedResponse({ type: IssuedCarnetDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION', 'DISTRIBUTION_CLOSED', 'NO_ISSUABLE_VOUCHERS')
  issue(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: IssueCarnetDto,
  ): Promise<IssuedCarnetDto> {
    return this.passes.issue(actor, id, dto);
  }

  @Post(':id/replacement')
  @Roles('prescriber_agent')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Give the beneficiary of a carnet in opposition a replacement carnet from the stock' })
  @ApiCreatedResponse({ type: IssuedCarnetDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'INVALID_STATE_TRANSITION',
    'CARNET_NEVER_ISSUED',
    'CARNET_ALREADY_REPLACED',
    'DISTRIBUTION_CLOSED',
    'NO_ISSUABLE_VOUCHERS',
  )
  replace(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReplaceCarnetDto,
  ): Promise<IssuedCarnetDto> {
    return this.passes.replace(actor, id, dto);
  }
}
