import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const PDF_DISPOSITIONS = ['attachment', 'inline'] as const;

export class CarnetPdfQuery {
  @ApiPropertyOptional({
    type: 'string',
    enum: PDF_DISPOSITIONS,
    default: 'attachment',
    description:
      'inline: the browser opens the carnet in its own PDF viewer, ready to print (the hand-out desk); attachment: it saves the file.',
  })
  @IsOptional()
  @IsIn(PDF_DISPOSITIONS)
  disposition: (typeof PDF_DISPOSITIONS)[number] = 'attachment';
}
