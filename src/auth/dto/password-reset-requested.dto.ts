import { ApiProperty } from '@nestjs/swagger';

/** The same answer whether an account exists for the address or not. */
export class PasswordResetRequestedDto {
  @ApiProperty({
    example: 'Si un compte actif existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient de lui être envoyé.',
  })
  message: string;
}
