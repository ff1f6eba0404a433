import { cameraProblemMessage, cameraProblemOf } from './camera-problem';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('camera problems', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'no_camera'],
    ['OverconstrainedError', 'no_camera'],
    ['NotReadableError', 'busy'],
    ['TypeError', 'failed'],
  ] as const)('reads a getUserMedia %s as %s', (name, problem) => {
    expect(cameraProblemOf(domError(name))).toBe(problem);
  });

  it('reads an error-like object by its name, and anything else as a failure', () => {
    expect(cameraProblemOf({ name: 'NotAllowedError' })).toBe('denied');
    expect(cameraProblemOf('boom')).toBe('failed');
    expect(cameraProblemOf(undefined)).toBe('failed');
  });

  it('always tells the agent what to do instead: type the code', () => {
    for (const problem of ['unavailable', 'denied', 'no_camera', 'busy', 'decoder', 'failed'] as const) {
      expect(cameraProblemMessage(problem).description).toMatch(/saisi/i);
    }
  });
});
