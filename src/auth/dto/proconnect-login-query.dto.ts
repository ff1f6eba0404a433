import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ProConnectLoginQueryDto {
  @ApiPropertyOptional({
    type: 'string',
    maxLength: 500,
    example: '/prescripteur/compte',
    description: 'Page of the web application to open once signed in (a path of this site; anything else is ignored).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  retour?: string;
}
