/** DSFR's main navigation class, as far as the guard below needs it: its deferred work and its open drop-down. */
export interface DsfrNavigationClass {
  prototype: { request(closure: () => void): void };
}
interface NavigationInstance {
  readonly current: unknown;
}

/**
 * Makes DSFR's main navigation drop a check that fails when no drop-down is open, instead of losing a frame.
 *
 * One frame after a Tab, DSFR (1.14) checks whether the focus left the open drop-down and reads
 * `this.current.node` without asking whether one is still open. When a link is followed within that frame (Tab
 * then Enter, quickly, on a slow computer), the click has closed it already: the check throws, and DSFR's
 * renderer drops the rest of that frame's work, the drop-down's own closing included, so the menu stays open
 * over the new page. With no drop-down open such a check has nothing to do, so an error thrown then is dropped;
 * any other error is thrown as before.
 */
export function guardDsfrNavigation(navigation: DsfrNavigationClass): void {
  const request = navigation.prototype.request;
  navigation.prototype.request = function (this: NavigationInstance, closure: () => void) {
    request.call(this, () => {
      try {
        closure();
      } catch (error) {
        if (this.current !== null) throw error;
      }
    });
  };
}
