import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ type: 'string', example: 'Logiciel de caisse du site de Villeurbanne' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;
}
