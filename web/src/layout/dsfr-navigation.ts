import { prDsfrLoaded } from '@codegouvfr/react-dsfr/start';
import { type DsfrNavigationClass, guardDsfrNavigation } from './dsfr-navigation-guard';

/** Once DSFR's script is loaded, guards its main navigation (see guardDsfrNavigation). */
export async function guardDsfrNavigationOnceLoaded(): Promise<void> {
  await prDsfrLoaded;
  const dsfr = (window as unknown as { dsfr?: { navigation?: { Navigation?: DsfrNavigationClass } } }).dsfr;
  const navigation = dsfr?.navigation?.Navigation;
  // A DSFR without this class has another navigation script: nothing of this guard applies to it.
  if (navigation) guardDsfrNavigation(navigation);
}
