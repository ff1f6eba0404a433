import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID, Matches } from 'class-validator';

export class CreatePaymentBatchDto {
  @ApiProperty({ type: [String], description: 'Validated statements to pay, one SEPA transfer each.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  statementIds: string[];

  @ApiProperty({
    type: 'string',
    example: '2026-04-10',
    description: 'Day the bank should execute the transfers (today or later, Europe/Paris).',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'requestedExecutionDate must be a YYYY-MM-DD date' })
  requestedExecutionDate: string;
}
