import { envelope, MAX_LOOKUP_MANY, parseEnvelope, parsePortRequest } from './messages';

describe('the engine port protocol', () => {
  it('accepts a lookup sent on the port, with its id', () => {
    const msg = envelope('lookup', { text: '延長で合意した', at: 0 });
    expect(parsePortRequest({ id: 7, msg })).toEqual({ id: 7, msg });
  });

  it('rejects a request without a whole-number id, or whose envelope the router would reject', () => {
    const msg = envelope('lookup', { text: '延長', at: 0 });
    expect(parsePortRequest({ msg })).toBeNull();
    expect(parsePortRequest({ id: '7', msg })).toBeNull();
    expect(parsePortRequest({ id: 1.5, msg })).toBeNull();
    expect(parsePortRequest({ id: 1, msg: { ...msg, type: 'evalThis' } })).toBeNull();
    expect(parsePortRequest({ id: 1, msg: { ...msg, payload: { text: '延長', at: -1 } } })).toBeNull();
    expect(parsePortRequest(null)).toBeNull();
  });

  it('bounds lookupMany, so one message cannot keep the engine busy', () => {
    const ats = Array.from({ length: MAX_LOOKUP_MANY + 1 }, (_, i) => i);
    expect(parseEnvelope(envelope('lookupMany', { text: '延長で合意した', ats: ats.slice(0, -1) }))).not.toBeNull();
    expect(parseEnvelope(envelope('lookupMany', { text: '延長で合意した', ats }))).toBeNull();
    expect(parseEnvelope(envelope('lookupMany', { text: '延長', ats: [] }))).toBeNull();
  });
});
