import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { PROBLEM_AREAS, SITUATION_STATUSES, type ProblemArea, type SituationStatus } from '../situation.constants.js';

export class SituationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SITUATION_STATUSES })
  @IsOptional()
  @IsIn(SITUATION_STATUSES)
  status?: SituationStatus;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: PROBLEM_AREAS })
  @IsOptional()
  @IsIn(PROBLEM_AREAS)
  problemArea?: ProblemArea;

  @ApiPropertyOptional({ enum: ['true'], description: 'Only reviewed or followed situations whose next review date has passed.' })
  @IsOptional()
  @IsIn(['true'])
  reviewDue?: 'true';

  @ApiPropertyOptional({ example: 'CC-2026-00', maxLength: 16, description: 'Search on the case reference only (never on content).' })
  @IsOptional()
  @Matches(/^(CC-?)?[0-9-]{0,13}$/i)
  @MaxLength(16)
  reference?: string;
}
