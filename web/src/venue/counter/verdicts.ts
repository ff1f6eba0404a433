/** One chèque's verdict, as the agent reads it: what happened, why, and what to do. */
export interface Verdict {
  accepted: boolean;
  title: string;
  reason: string;
  action: string;
}

/** Details the API gives with ALREADY_REDEEMED: when always, where only to the venue that redeemed it. */
export interface AlreadyRedeemed {
  redeemedAt?: string | null;
  redeemedHere?: boolean;
  site?: { name: string | null } | null;
}

const PARIS_DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

function when(iso: string | null | undefined): string {
  return iso ? ` le ${PARIS_DATE_TIME.format(new Date(iso))}` : '';
}

export const ACCEPTED: Verdict = {
  accepted: true,
  title: 'Chèque accepté',
  reason: 'Le chèque est encaissé pour ce service.',
  action: 'Gardez le chèque papier : il ne peut plus servir.',
};

/** Plain French for every refusal code of the check and redeem answers (src/modules/redemptions/redemptions.errors.ts). */
export function verdictOf(code: string, alreadyRedeemed?: AlreadyRedeemed): Verdict {
  switch (code) {
    case 'ALREADY_REDEEMED': {
      const where = alreadyRedeemed?.redeemedHere
        ? alreadyRedeemed.site?.name
          ? `, ici (${alreadyRedeemed.site.name})`
          : ', dans votre lieu'
        : '';
      return {
        accepted: false,
        title: 'Chèque déjà utilisé',
        reason: `Ce chèque a déjà été encaissé${when(alreadyRedeemed?.redeemedAt)}${where}.`,
        action: alreadyRedeemed?.redeemedHere
          ? 'S’il s’agit d’une erreur, annulez cet encaissement depuis l’historique (24 h maximum).'
          : 'Refusez le chèque et invitez la personne à contacter la structure qui le lui a remis.',
      };
    }
    case 'EXPIRED':
      return {
        accepted: false,
        title: 'Chèque expiré',
        reason: 'La date de validité de ce chèque est dépassée.',
        action: 'Refusez le chèque. La personne peut demander un nouveau carnet à la structure qui le lui a remis.',
      };
    case 'CANCELLED':
      return {
        accepted: false,
        title: 'Chèque en opposition',
        reason: 'Ce chèque a été déclaré perdu, volé ou annulé.',
        action: 'Refusez le chèque et gardez-le. Invitez la personne à contacter la structure qui le lui a remis.',
      };
    case 'NOT_ISSUED':
      return {
        accepted: false,
        title: 'Chèque pas encore remis',
        reason: 'Ce chèque n’a pas encore été remis à un bénéficiaire.',
        action: 'Refusez le chèque et invitez la personne à contacter la structure qui le lui a remis.',
      };
    case 'OUTSIDE_TERRITORY':
      return {
        accepted: false,
        title: 'Hors du territoire',
        reason: 'Ce chèque ne peut pas être utilisé dans votre commune ou votre département.',
        action: 'Refusez le chèque. La personne peut l’utiliser dans un lieu de son territoire.',
      };
    case 'VENUE_NOT_QUALIFIED':
      return {
        accepted: false,
        title: 'Lieu non habilité',
        reason: 'Votre lieu n’est pas encore habilité à encaisser des chèques.',
        action: 'Refusez le chèque pour l’instant. Contactez l’ANCT pour connaître l’état de votre habilitation.',
      };
    case 'INVALID_SIGNATURE':
      return {
        accepted: false,
        title: 'Pas un chèque du dispositif',
        reason: 'Ce QR code n’est pas celui d’un vrai chèque Pass numérique.',
        action: 'Refusez le chèque. Si vous pensez à une fraude, signalez-la à l’ANCT.',
      };
    case 'CHECK_CHARACTER_MISMATCH':
      return {
        accepted: false,
        title: 'Erreur de frappe',
        reason: 'Ce code contient une erreur de frappe.',
        action: 'Relisez le code caractère par caractère sur le chèque, puis saisissez-le à nouveau.',
      };
    case 'INVALID_CODE':
    default:
      return {
        accepted: false,
        title: 'Pas un chèque du dispositif',
        reason: 'Aucun chèque Pass numérique ne correspond à ce code.',
        action: 'Vérifiez le code sur le chèque. S’il est juste, refusez le chèque.',
      };
  }
}
