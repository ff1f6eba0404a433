/** Why the camera cannot be used, as the agent should read it: what happened, and what to do instead. */
export type CameraProblem = 'unavailable' | 'denied' | 'no_camera' | 'busy' | 'decoder' | 'failed';

/** Names of the DOMExceptions getUserMedia rejects with (Media Capture and Streams). */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name =
    error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
      ? String((error as { name: unknown }).name)
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no_camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

export function cameraProblemMessage(problem: CameraProblem): { title: string; description: string } {
  switch (problem) {
    case 'denied':
      return {
        title: 'Accès à la caméra refusé',
        description:
          'Le navigateur n’a pas le droit d’utiliser la caméra. Autorisez-la dans les réglages du site (le cadenas à gauche de l’adresse), puis appuyez à nouveau sur « Scanner avec la caméra ». Vous pouvez aussi saisir le code du chèque ci-dessous.',
      };
    case 'no_camera':
      return {
        title: 'Aucune caméra trouvée',
        description:
          'Cet appareil n’a pas de caméra utilisable. Saisissez le code imprimé sur le chèque ci-dessous, ou branchez une caméra et réessayez.',
      };
    case 'busy':
      return {
        title: 'Caméra occupée',
        description:
          'La caméra est déjà utilisée par une autre application. Fermez-la, puis réessayez. Vous pouvez aussi saisir le code du chèque ci-dessous.',
      };
    case 'unavailable':
      return {
        title: 'Caméra indisponible sur cette page',
        description:
          'Le navigateur ne permet pas d’utiliser la caméra ici (il faut une adresse en https). Saisissez le code du chèque ci-dessous, et signalez-le à la personne qui gère le service.',
      };
    case 'decoder':
      return {
        title: 'Lecteur de QR code indisponible',
        description:
          'Le lecteur de QR code n’a pas pu être chargé. Vérifiez la connexion et rechargez la page, ou saisissez le code du chèque ci-dessous.',
      };
    case 'failed':
      return {
        title: 'La caméra n’a pas pu démarrer',
        description: 'Réessayez. Si cela recommence, saisissez le code du chèque ci-dessous.',
      };
  }
}
