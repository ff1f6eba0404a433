import { ApiProperty } from '@nestjs/swagger';

export class CommuneDto {
  @ApiProperty({ example: '69387', description: 'Code INSEE (code officiel géographique).' })
  inseeCode: string;

  @ApiProperty({ example: 'Lyon 7e Arrondissement' })
  name: string;

  @ApiProperty({ example: ['69007'], type: [String] })
  postalCodes: string[];

  @ApiProperty({ example: '69' })
  departementCode: string;

  @ApiProperty({
    enum: ['commune', 'arrondissement'],
    description: 'A current commune, or a municipal arrondissement of Paris, Lyon or Marseille.',
  })
  kind: 'commune' | 'arrondissement';
}

export class CommunePageDto {
  @ApiProperty({ type: [CommuneDto] })
  items: CommuneDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
