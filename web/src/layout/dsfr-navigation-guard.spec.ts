import { guardDsfrNavigation } from './dsfr-navigation-guard';

/** A stand-in for DSFR's renderer: the closures requested during a frame, run together at the next one. */
function fakeNavigationClass() {
  const queued: (() => void)[] = [];
  const requesters: unknown[] = [];
  class Navigation {
    current: unknown = null;
    request(closure: () => void) {
      requesters.push(this);
      queued.push(closure);
    }
  }
  const nextFrame = () => queued.splice(0).forEach((closure) => closure());
  return { Navigation, nextFrame, requesters };
}

describe('guardDsfrNavigation', () => {
  it('drops a check that throws once no drop-down is open, and runs the rest of the frame', () => {
    const { Navigation, nextFrame } = fakeNavigationClass();
    guardDsfrNavigation(Navigation);
    const navigation = new Navigation();
    const ran: string[] = [];
    navigation.request(() => {
      // DSFR's Tab check, which reads this.current.node.
      (navigation.current as { node: unknown }).node;
    });
    navigation.request(() => ran.push('closing'));
    expect(nextFrame).not.toThrow();
    expect(ran).toEqual(['closing']);
  });

  it('still throws an error raised while a drop-down is open', () => {
    const { Navigation, nextFrame } = fakeNavigationClass();
    guardDsfrNavigation(Navigation);
    const navigation = new Navigation();
    navigation.current = { node: {} };
    navigation.request(() => {
      throw new Error('a real defect');
    });
    expect(nextFrame).toThrow('a real defect');
  });

  it('hands the work to DSFR’s own request, for the same navigation, and keeps its order', () => {
    const { Navigation, nextFrame, requesters } = fakeNavigationClass();
    guardDsfrNavigation(Navigation);
    const navigation = new Navigation();
    const ran: number[] = [];
    navigation.request(() => ran.push(1));
    navigation.request(() => ran.push(2));
    expect(requesters).toEqual([navigation, navigation]);
    nextFrame();
    expect(ran).toEqual([1, 2]);
  });
});
