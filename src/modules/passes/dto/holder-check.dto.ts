import { ApiProperty } from '@nestjs/swagger';

/** Whether the person typed already holds an active carnet, asked before handing one out (a warning, never a refusal). */
export class HolderCheckDto {
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Carnets handed to this person (same name and birth date, any structure) and still usable.',
  })
  activeCarnets: number;
}
