import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID } from 'class-validator';

/** Either a list of carnets or a whole order (its carnets you hold that can be printed). */
export class CreatePrintRunDto {
  @ApiPropertyOptional({ type: [String], description: 'Carnets to print (printed in carnet-number order).' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
  carnetIds?: string[];

  @ApiPropertyOptional({ type: 'string', description: 'Print every printable carnet of this order that you hold.' })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}
