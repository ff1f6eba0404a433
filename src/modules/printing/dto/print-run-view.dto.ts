import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRINT_RUN_STATUSES, type PrintRunStatus } from '../print-run.entity';

export class PrintRunFileDto {
  @ApiProperty({ example: 1 })
  index: number;

  @ApiProperty({ example: 'carnets-001.pdf' })
  fileName: string;

  @ApiProperty({ example: 250 })
  carnetCount: number;

  @ApiProperty({ example: 0 })
  omittedCarnetCount: number;

  @ApiProperty({ example: '2026-0042-000001' })
  firstCarnetNumber: string;

  @ApiProperty({ example: '2026-0042-000250' })
  lastCarnetNumber: string;

  @ApiProperty({ example: 8123456 })
  bytes: number;

  @ApiProperty({ description: 'SHA-256 of the file, hex.' })
  sha256: string;

  @ApiProperty({ example: '/api/v1/print-runs/…/files/1' })
  downloadUrl: string;
}

export class PrintRunViewDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: PRINT_RUN_STATUSES })
  status: PrintRunStatus;

  @ApiProperty({ example: 2000 })
  carnetCount: number;

  @ApiProperty({ example: 750 })
  carnetsDone: number;

  @ApiProperty({ example: 37, description: 'Whole percent of carnets rendered.' })
  progressPercent: number;

  @ApiProperty({ example: 250 })
  carnetsPerFile: number;

  @ApiProperty({ type: [PrintRunFileDto], description: 'Files finished so far, downloadable at once.' })
  files: PrintRunFileDto[];

  @ApiPropertyOptional({ nullable: true })
  failureReason: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiPropertyOptional({ nullable: true })
  startedAt: Date | null;

  @ApiPropertyOptional({ nullable: true })
  finishedAt: Date | null;
}
