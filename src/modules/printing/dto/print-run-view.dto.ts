import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRINT_RUN_STATUSES, type PrintRunStatus } from '../print-run.entity';

export class PrintRunFileDto {
  @ApiProperty({ type: 'number', example: 1 })
  index: number;

  @ApiProperty({ type: 'string', example: 'carnets-001.pdf' })
  fileName: string;

  @ApiProperty({ type: 'number', example: 250 })
  carnetCount: number;

  @ApiProperty({ type: 'number', example: 0 })
  omittedCarnetCount: number;

  @ApiProperty({ type: 'string', example: '2026-0042-000001' })
  firstCarnetNumber: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000250' })
  lastCarnetNumber: string;

  @ApiProperty({ type: 'number', example: 8123456 })
  bytes: number;

  @ApiProperty({ type: 'string', description: 'SHA-256 of the file, hex.' })
  sha256: string;

  @ApiProperty({ type: 'string', example: '/api/v1/print-runs/…/files/1' })
  downloadUrl: string;
}

export class PrintRunViewDto {
  @ApiProperty({ type: 'string' })
  id: string;

  @ApiProperty({ type: 'string', enum: PRINT_RUN_STATUSES })
  status: PrintRunStatus;

  @ApiProperty({ type: 'number', example: 2000 })
  carnetCount: number;

  @ApiProperty({ type: 'number', example: 750 })
  carnetsDone: number;

  @ApiProperty({ type: 'number', example: 37, description: 'Whole percent of carnets rendered.' })
  progressPercent: number;

  @ApiProperty({ type: 'number', example: 250 })
  carnetsPerFile: number;

  @ApiProperty({ type: [PrintRunFileDto], description: 'Files finished so far, downloadable at once.' })
  files: PrintRunFileDto[];

  @ApiPropertyOptional({ type: 'string', nullable: true })
  failureReason: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true })
  startedAt: Date | null;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true })
  finishedAt: Date | null;
}
