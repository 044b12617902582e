import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length } from 'class-validator';
import { IsOptionalButNotNull } from '../../common/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An objection or a restriction, as the coordinator records it. */
export class RecordRightsMeasureDto {
  @ApiProperty({ maxLength: 2000, description: 'Why (the person’s words or the grounds), encrypted with the case file.' })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The rights request (register) this answers, of the same kind, when there is one.' })
  @IsOptionalButNotNull()
  @IsUUID()
  rightsRequestId?: string;
}

export class LiftRestrictionDto {
  @ApiProperty({ maxLength: 2000, description: 'Why the restriction ends (encrypted).' })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason: string;
}
