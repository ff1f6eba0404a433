import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ReplaceCarnetDto {
  @ApiProperty({
    type: 'string',
    description: "A carnet of the structure's stock, handed to the same beneficiary in place of the cancelled one.",
  })
  @IsUUID()
  replacementCarnetId: string;
}
