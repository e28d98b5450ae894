import { EnginePortClient, type PortLike } from './engine-port';
import { envelope } from '../messages';

/** A port whose far end the test plays: it sees what was posted and answers or hangs up. */
function fakePort() {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const posted: { id: number; msg: unknown }[] = [];
  const port: PortLike = {
    postMessage: (m) => posted.push(m as { id: number; msg: unknown }),
    disconnect: () => {},
    onMessage: { addListener: (fn) => onMessage.push(fn) },
    onDisconnect: { addListener: (fn) => onDisconnect.push(fn) },
  };
  return {
    port,
    posted,
    answer: (id: number, reply: unknown) => onMessage.forEach((fn) => fn({ id, reply })),
    hangUp: () => onDisconnect.forEach((fn) => fn()),
  };
}

const lookup = (at: number) => envelope('lookup', { text: '延長で合意した', at });

describe('EnginePortClient', () => {
  it('matches each reply to its request, whatever order the replies come in', async () => {
    const far = fakePort();
    const client = new EnginePortClient(() => far.port);
    const first = client.request(lookup(0))!;
    const second = client.request(lookup(3))!;
    expect(far.posted.map((p) => (p.msg as { payload: { at: number } }).payload.at)).toEqual([0, 3]);
    far.answer(far.posted[1]!.id, { ok: true, value: 'second' });
    far.answer(far.posted[0]!.id, { ok: true, value: 'first' });
    await expect(first).resolves.toEqual({ ok: true, value: 'first' });
    await expect(second).resolves.toEqual({ ok: true, value: 'second' });
  });

  it('opens one port for many requests', () => {
    let opened = 0;
    const far = fakePort();
    const client = new EnginePortClient(() => (opened++, far.port));
    void client.request(lookup(0));
    void client.request(lookup(1));
    expect(opened).toBe(1);
  });

  it('opens the port ahead of the first request when warmed, and sends that request on it', () => {
    let opened = 0;
    const far = fakePort();
    const client = new EnginePortClient(() => (opened++, far.port));
    client.warm();
    expect(opened).toBe(1);
    void client.request(lookup(0));
    expect(opened).toBe(1);
    expect(far.posted).toHaveLength(1);
  });

  it('fails the requests in flight when the port closes, so the caller can ask another way', async () => {
    const far = fakePort();
    const client = new EnginePortClient(() => far.port);
    const pending = client.request(lookup(0))!;
    far.hangUp();
    await expect(pending).rejects.toThrow(/port closed/);
  });

  it('leaves a closed port alone for a while, then opens a new one', () => {
    let now = 1000;
    const ports = [fakePort(), fakePort()];
    let opened = 0;
    const client = new EnginePortClient(
      () => ports[opened++]!.port,
      () => now,
      2000,
    );
    void client.request(lookup(0))?.catch(() => {});
    ports[0]!.hangUp();
    expect(client.request(lookup(0))).toBeNull();
    now += 2001;
    expect(client.request(lookup(0))).not.toBeNull();
    expect(opened).toBe(2);
  });

  it('says there is no port when connecting throws (extension reloaded)', () => {
    const client = new EnginePortClient(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(client.request(lookup(0))).toBeNull();
  });

  it('ignores replies nobody waits for', async () => {
    const far = fakePort();
    const client = new EnginePortClient(() => far.port);
    const pending = client.request(lookup(0))!;
    far.answer(999, { ok: true, value: 'stray' });
    far.answer(far.posted[0]!.id, { ok: true, value: 'mine' });
    await expect(pending).resolves.toEqual({ ok: true, value: 'mine' });
  });
});
