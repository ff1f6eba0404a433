import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles, UsersOnly } from '../../auth/auth.decorators';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { CreateVenueByAnctDto } from './dto/create-venue-by-anct.dto';
import { CreatedVenueDto } from './dto/created-venue.dto';
import { VenuesService } from './venues.service';

/** ANCT registers a venue; the path stays under `organisations` with the other registrations. */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class AnctVenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Post('venues')
  @Roles('anct_admin')
  @UsersOnly()
  @ApiCreatedResponse({ type: CreatedVenueDto })
  @ApiErrors('VALIDATION_FAILED', 'SIRET_ALREADY_REGISTERED', 'EMAIL_ALREADY_USED', 'INVALID_SIRET')
  create(@Body() dto: CreateVenueByAnctDto) {
    return this.venues.createByAnct(dto);
  }
}
