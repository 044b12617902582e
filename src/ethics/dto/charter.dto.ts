import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CharterDto {
  @ApiProperty({ example: '2026-1' })
  version: string;

  @ApiProperty({ description: 'The charter, in French (Markdown).' })
  text: string;

  @ApiProperty({ nullable: true, type: String, description: 'When you accepted this version; null if not yet.' })
  acceptedAt: string | null;
}

export class AcceptCharterDto {
  @ApiProperty({ example: '2026-1', maxLength: 50, description: 'The version you have read and accept.' })
  @IsString()
  @Length(1, 50)
  version: string;
}

export class CharterAcceptanceDto {
  @ApiProperty()
  version: string;

  @ApiProperty()
  acceptedAt: string;
}
