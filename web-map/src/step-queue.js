// A crew member's steps (start, complete with quantity, note and photo) wait in IndexedDB until the
// service has them, and go to it in the order they were taken: at once when online, else when the
// network returns. Each carries the order's version it was taken on (If-Match), so a change made by
// someone else in between is a conflict the crew member sees and settles, never overwritten. A step
// leaves the queue only once the service has it: after a 2xx, or after a 412 whose order already
// shows this very step (the reply to an earlier send was lost on the way back).
import { openDB } from 'idb';
import { ApiError } from './api.js';

const STORE = 'steps';

// status of a queued step: pending (waits for the service), conflict (the order changed meanwhile,
// a 412), refused (the service said no for another reason, e.g. the step is no longer allowed).
export const PENDING = 'pending';
export const CONFLICT = 'conflict';
export const REFUSED = 'refused';

// The steps in IndexedDB, keyed by an increasing seq: the order they were taken in.
export async function openStepStore(name = 'zonegis-crew-steps') {
  const db = await openDB(name, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
    },
  });
  return {
    all: () => db.getAll(STORE),
    add: (step) => db.add(STORE, step),
    put: (step) => db.put(STORE, step),
    // Removes a step the service has, and bases the order's next waiting step on the version it
    // made, in one transaction: a crash in between cannot send the next step on a stale version.
    async acknowledge(step, version) {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      await store.delete(step.seq);
      for (const next of await store.getAll()) {
        if (next.afterSeq !== step.seq) continue;
        await store.put({ ...next, afterSeq: null, baseVersion: version, eventCount: step.eventCount + 1 });
      }
      await tx.done;
    },
    // Removes a step and every later step of the same order (each was taken on top of it).
    async discard(step) {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const other of await store.getAll())
        if (other.orderId === step.orderId && other.username === step.username && other.seq >= step.seq)
          await store.delete(other.seq);
      await tx.done;
    },
    close: () => db.close(),
  };
}

// A network failure (no ApiError: fetch itself failed), an expired session or a service that is not
// there yet: the step waits for the next try.
function notNow(error) {
  return !(error instanceof ApiError) || error.status === 401 || error.status >= 500;
}

// Whether the order already holds this step: the first event after the ones the crew member saw
// is this step, by them, with their note (and photo). Then a 412 only says the reply was lost.
function alreadyStored(step, order, username) {
  const event = order.events?.[step.eventCount];
  return Boolean(
    event &&
    event.toState === step.to &&
    event.fromState === step.fromState &&
    event.by === username &&
    (event.note || null) === (step.note || null) &&
    (!step.attachmentId || (event.attachments || []).some((a) => a.id === step.attachmentId)),
  );
}

// What changed on the order since the step was taken: the events after the ones the crew saw.
function changesSince(step, order) {
  return {
    state: order.state,
    version: order.version,
    events: (order.events || [])
      .slice(step.eventCount)
      .map(({ at, by, fromState, toState, note }) => ({ at, by, fromState, toState, note })),
  };
}

// deps: { api (api.js), store (openStepStore), username, onChange() after any change of the queue }
export function createStepQueue({ api, store, username, onChange = () => {} }) {
  let sending = Promise.resolve();

  const mine = async () => (await store.all()).filter((step) => step.username === username);

  // Sends one step; returns the order the service answered with, or throws.
  async function deliver(step) {
    const orderPath = `/api/workorders/${step.orderId}`;
    if (step.photo && !step.attachmentId) {
      const form = new FormData();
      form.append('file', step.photo, step.photoName || 'photo');
      // Kept at once: a resend links the photo already uploaded instead of uploading it again.
      step.attachmentId = (await api.upload(`${orderPath}/attachments`, form)).id;
      await store.put(step);
    }
    const body = { to: step.to, note: step.note || null, attachmentIds: step.attachmentId ? [step.attachmentId] : [] };
    if (step.quantity !== undefined) Object.assign(body, { quantity: step.quantity, quantityUnit: step.quantityUnit });
    return api.post(`${orderPath}/transitions`, body, { ifMatch: `"${step.baseVersion}"` });
  }

  // A 412: either our own step whose reply was lost (then it is acknowledged and the answer is the
  // order), or someone else's change (then the step is kept as a conflict and the answer is null).
  async function settleStale(step, error) {
    const order = await api.get(`/api/workorders/${step.orderId}`);
    if (alreadyStored(step, order, username)) {
      // Later events mean someone acted after this step: the next step meets them as a conflict.
      const after = order.events.length > step.eventCount + 1 ? step.baseVersion + 1 : order.version;
      await store.acknowledge(step, after);
      return order;
    }
    await store.put({
      ...step,
      status: CONFLICT,
      problem: { message: error.message, changes: changesSince(step, order) },
    });
    return null;
  }

  // Sends one step, or keeps it with what stops it; returns the order when the service has it.
  async function settle(step) {
    try {
      const order = await deliver(step);
      await store.acknowledge(step, order.version);
      return order;
    } catch (error) {
      if (notNow(error)) throw error;
      if (error.status === 412) return settleStale(step, error);
      await store.put({ ...step, status: REFUSED, problem: { message: error.message } });
      return null;
    }
  }

  // One pass over the queue, oldest first, read again after each step: a step sent bases the next
  // step of its order on the version it made. A step that cannot go holds back the later steps of
  // its order, not those of other orders; a network failure ends the pass.
  async function sendAll() {
    const held = new Set();
    const answers = new Map();
    for (;;) {
      const step = (await mine()).find((waiting) => !held.has(waiting.orderId));
      if (!step) break;
      if (step.status !== PENDING || step.baseVersion == null) {
        held.add(step.orderId);
        continue;
      }
      try {
        const order = await settle(step);
        if (order) answers.set(step.seq, order);
        else held.add(step.orderId);
      } catch (error) {
        if (notNow(error)) break;
        throw error;
      } finally {
        onChange();
      }
    }
    return answers;
  }

  // Passes run one at a time, across the crew member's tabs too (Web Locks), so no step goes twice.
  function send() {
    const locks = globalThis.navigator?.locks;
    const pass = () => (locks ? locks.request('zg-crew-steps', sendAll) : sendAll());
    const run = sending.then(pass, pass);
    sending = run.catch(() => {});
    return run;
  }

  return {
    // The crew member's waiting steps, oldest first.
    steps: mine,

    // Queues a step on `order` (as last read: version, state, events) and tries to send it.
    // Returns { state: 'sent', order } | { state: 'pending' | 'conflict' | 'refused', step }.
    async take(order, { to, note, quantity, quantityUnit, photo }) {
      const earlier = (await mine()).filter((step) => step.orderId === order.id).at(-1);
      const step = {
        username,
        orderId: order.id,
        orderCode: order.code,
        to,
        note: note || null,
        ...(quantity !== undefined ? { quantity, quantityUnit } : {}),
        photo: photo || null,
        photoName: photo?.name || null,
        attachmentId: null,
        // On top of a step still waiting: its version is known once that one is sent.
        afterSeq: earlier ? earlier.seq : null,
        baseVersion: earlier ? null : order.version,
        fromState: earlier ? earlier.to : order.state,
        eventCount: earlier ? null : (order.events || []).length,
        takenAt: new Date().toISOString(),
        status: PENDING,
        problem: null,
      };
      step.seq = await store.add(step);
      onChange();
      const answers = await send();
      if (answers.has(step.seq)) return { state: 'sent', order: answers.get(step.seq) };
      const left = (await mine()).find((s) => s.seq === step.seq);
      return left ? { state: left.status, step: left } : { state: 'sent', order: null };
    },

    send,

    // The crew member drops a step that could not go (and the steps taken on top of it).
    async discard(step) {
      await store.discard(step);
      onChange();
    },

    // The crew member has seen what changed and sends the step anyway, on the order as it is now.
    async resend(step) {
      const { version, events, state } = step.problem.changes ?? {};
      if (version === undefined) return;
      const eventCount = step.eventCount + events.length;
      await store.put({ ...step, baseVersion: version, eventCount, fromState: state, status: PENDING, problem: null });
      onChange();
      await send();
    },
  };
}
