import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles, UsersOnly } from '../../auth/auth.decorators';
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
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 409, description: 'SIRET_ALREADY_REGISTERED, EMAIL_ALREADY_USED' })
  @ApiResponse({ status: 422, description: 'INVALID_SIRET' })
  create(@Body() dto: CreateVenueByAnctDto) {
    return this.venues.createByAnct(dto);
  }
}
