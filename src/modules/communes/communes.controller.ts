import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import type { Page } from '../../common/http/pagination.query';
import { type Commune, searchCommunes } from './communes.rules';
import { CommunePageDto } from './dto/commune.dto';
import { SearchCommunesQuery } from './dto/search-communes.query';

/** No login: the forms' commune field (find a venue, apply as a venue) completes as the person types. */
@ApiTags('public')
@Controller('public/communes')
export class CommunesController {
  @Public()
  @Get()
  @ApiOperation({ summary: 'Communes matching a postcode, an INSEE code or the start of a name (official offline dataset).' })
  @ApiOkResponse({ type: CommunePageDto })
  @ApiErrors('VALIDATION_FAILED')
  search(@Query() query: SearchCommunesQuery): Page<Omit<Commune, 'population'>> {
    const items = searchCommunes(query.q, query.limit).map(({ population: _population, ...commune }) => commune);
    return { items, total: items.length, limit: query.limit, offset: 0 };
  }
}
