import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { OppositionDto, RangeOppositionDto } from './dto/opposition.dto';
import { CarnetOppositionDto, RangeOppositionResultDto, VoucherOppositionDto } from './dto/opposition-result.dto';
import { OppositionsService } from './oppositions.service';
import { SerialPipe } from './serial.pipe';
import { ApiErrors } from '../../common/errors/api-errors.decorator';

@ApiTags('oppositions')
@ApiBearerAuth()
@Controller()
@Roles('prescriber_agent', 'funder_manager')
export class OppositionsController {
  constructor(private readonly oppositions: OppositionsService) {}

  @Post('carnets/opposition')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Put a range of carnets (one order, by number) in opposition' })
  @ApiOkResponse({ type: RangeOppositionResultDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_CARNET_RANGE', 'INVALID_STATE_TRANSITION')
  opposeRange(@CurrentActor() actor: OrganisationActor, @Body() dto: RangeOppositionDto): Promise<RangeOppositionResultDto> {
    return this.oppositions.opposeRange(actor, dto);
  }

  @Post('carnets/:id/opposition')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Put a carnet in opposition (lost, stolen, blocked…): its chèques are cancelled for good' })
  @ApiOkResponse({ type: CarnetOppositionDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  opposeCarnet(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: OppositionDto,
  ): Promise<CarnetOppositionDto> {
    return this.oppositions.opposeCarnet(actor, id, dto);
  }

  @Post('vouchers/:serial/opposition')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Put a single chèque in opposition, by its printed serial' })
  @ApiOkResponse({ type: VoucherOppositionDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  opposeVoucher(
    @CurrentActor() actor: OrganisationActor,
    @Param('serial', SerialPipe) serial: string,
    @Body() dto: OppositionDto,
  ): Promise<VoucherOppositionDto> {
    return this.oppositions.opposeVoucher(actor, serial, dto);
  }
}
