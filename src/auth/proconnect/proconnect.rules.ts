/** What ProConnect says about the person (signed userinfo), as far as linking an account needs. */
export interface ProConnectIdentity {
  sub: string;
  idpId: string;
  email: string;
  siret: string | null;
}

/** A local account as linking needs it. */
export interface LinkCandidate {
  userId: string;
  email: string;
  status: string;
  organisationSiret: string | null;
  proconnectSub: string | null;
  proconnectIdpId: string | null;
}

export type LinkDecision =
  | { outcome: 'signed_in'; userId: string }
  | { outcome: 'link'; userId: string }
  | { outcome: 'refused'; reason: 'UNKNOWN_PERSON' | 'SIRET_MISMATCH' | 'ACCOUNT_DEACTIVATED' | 'LINKED_TO_ANOTHER_IDENTITY' };

/**
 * Who a ProConnect identity signs in as. Once linked, by `sub` + `idp_id` only (an e-mail can change or be
 * reused); the first time, an invited or active account with the same e-mail whose organisation has the SIRET
 * ProConnect asserts. Nobody else gets an account by signing in.
 */
export function decideLink(identity: ProConnectIdentity, linked: LinkCandidate | null, byEmail: LinkCandidate | null): LinkDecision {
  if (linked) {
    if (linked.status === 'deactivated') return { outcome: 'refused', reason: 'ACCOUNT_DEACTIVATED' };
    return { outcome: 'signed_in', userId: linked.userId };
  }
  if (!byEmail) return { outcome: 'refused', reason: 'UNKNOWN_PERSON' };
  if (byEmail.status === 'deactivated') return { outcome: 'refused', reason: 'ACCOUNT_DEACTIVATED' };
  if (byEmail.proconnectSub !== null) return { outcome: 'refused', reason: 'LINKED_TO_ANOTHER_IDENTITY' };
  if (!identity.siret || !byEmail.organisationSiret || normaliseSiret(identity.siret) !== byEmail.organisationSiret) {
    return { outcome: 'refused', reason: 'SIRET_MISMATCH' };
  }
  return { outcome: 'link', userId: byEmail.userId };
}

export function normaliseSiret(siret: string): string {
  return siret.replace(/\s/g, '');
}

/** The page a refused person reads, in French. */
export const REFUSAL_MESSAGES: Record<Extract<LinkDecision, { outcome: 'refused' }>['reason'] | 'FLOW_INVALID' | 'PROVIDER_ERROR', string> =
  {
    UNKNOWN_PERSON:
      'Aucun compte Pass numérique ne correspond à votre identité ProConnect. Le compte est créé par invitation : demandez à l’administrateur de votre structure de vous inviter avec votre adresse e-mail professionnelle.',
    SIRET_MISMATCH:
      'Votre identité ProConnect est rattachée à une autre structure (SIRET) que celle de votre compte Pass numérique. Connectez-vous avec l’identité de la bonne structure, ou demandez une invitation à son administrateur.',
    ACCOUNT_DEACTIVATED: 'Votre compte Pass numérique a été désactivé. Adressez-vous à l’administrateur de votre structure.',
    LINKED_TO_ANOTHER_IDENTITY: 'Ce compte Pass numérique est déjà relié à une autre identité ProConnect.',
    FLOW_INVALID: 'Cette connexion a expiré ou n’a pas été demandée depuis ce navigateur. Recommencez la connexion avec ProConnect.',
    PROVIDER_ERROR: 'La réponse de ProConnect n’a pas pu être vérifiée. Recommencez la connexion avec ProConnect.',
  };

export type RefusalReason = keyof typeof REFUSAL_MESSAGES;

export function isRefusalReason(value: string | null | undefined): value is RefusalReason {
  return typeof value === 'string' && Object.hasOwn(REFUSAL_MESSAGES, value);
}

/**
 * The page of this site a person asked for before signing in, if it is one: a path of our own origin
 * (`/…`, never `//host` or `/\host`, which browsers read as another site), else null. An open redirect
 * through the sign-in would let a phishing link borrow the platform's address.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 500 || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return /[\u0000-\u001f\u007f]/.test(value) ? null : value;
}

/**
 * Whether the callback answers a software client (the token pair as JSON) rather than a browser (session
 * cookies and a redirect to the web application): only when it asks for JSON and not for a page.
 */
export function wantsJsonAnswer(accept: string | undefined): boolean {
  const value = (accept ?? '').toLowerCase();
  return value.includes('application/json') && !value.includes('text/html');
}
