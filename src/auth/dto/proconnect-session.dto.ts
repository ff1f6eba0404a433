import { ApiPropertyOptional } from '@nestjs/swagger';
import { TokenPairDto } from './token-pair.dto';

/** The same token pair as a password login, and where to send the browser to leave ProConnect too. */
export class ProConnectSessionDto extends TokenPairDto {
  @ApiPropertyOptional({
    nullable: true,
    description: 'ProConnect end-session address (with the ID token hint) to end the ProConnect session at logout.',
  })
  endSessionUrl: string | null;
}
