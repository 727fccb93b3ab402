// The crew's offline queue (step-queue.js) over an in-memory IndexedDB: steps go in the order they
// were taken, each on the version the one before it made, none twice, and a change by someone
// else holds that order's steps back without holding back other orders. The service is played by
// a small table of orders that checks If-Match as WorkOrderSteps does.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/api.js';
import { openStepStore, createStepQueue, PENDING, CONFLICT } from '../../src/step-queue.js';

let databases = 0;

function service(orders) {
  const table = new Map(orders.map((o) => [o.id, { events: [], ...o }]));
  const service = { sent: [], offline: false, loseReply: false };
  const path = (p) => Number(p.split('/')[3]);
  service.api = {
    async get(p) {
      if (service.offline) throw new TypeError('Failed to fetch');
      return structuredClone(table.get(path(p)));
    },
    async post(p, body, { ifMatch }) {
      if (service.offline) throw new TypeError('Failed to fetch');
      const order = table.get(path(p));
      if (ifMatch !== `"${order.version}"`) throw new ApiError('stale', 412, { currentVersion: order.version });
      service.sent.push([order.id, body.to]);
      order.events.push({ at: 'now', by: 'crew', fromState: order.state, toState: body.to, note: body.note });
      Object.assign(order, { state: body.to, version: order.version + 1 });
      if (service.loseReply) {
        service.loseReply = false;
        throw new TypeError('network connection was lost');
      }
      return structuredClone(order);
    },
    // Someone else (the dispatcher) moves the order on.
    change(id, to) {
      const order = table.get(id);
      order.events.push({ at: 'now', by: 'dispatcher', fromState: order.state, toState: to, note: 'changed' });
      Object.assign(order, { state: to, version: order.version + 1 });
    },
  };
  service.order = (id) => structuredClone(table.get(id));
  return service;
}

async function queueFor(server) {
  const store = await openStepStore(`steps-${++databases}`);
  return { store, queue: createStepQueue({ api: server.api, store, username: 'crew' }) };
}

test('steps taken offline go in the order they were taken, each on the version the last one made', async () => {
  const server = service([
    { id: 1, state: 'dispatched', version: 2 },
    { id: 2, state: 'in_progress', version: 5 },
  ]);
  const { queue } = await queueFor(server);
  server.offline = true;
  assert.equal((await queue.take(server.order(1), { to: 'in_progress' })).state, PENDING);
  assert.equal((await queue.take(server.order(2), { to: 'completed', note: 'done' })).state, PENDING);
  assert.equal((await queue.take(server.order(1), { to: 'completed' })).state, PENDING);
  assert.deepEqual(server.sent, []);

  server.offline = false;
  await queue.send();
  assert.deepEqual(server.sent, [
    [1, 'in_progress'],
    [2, 'completed'],
    [1, 'completed'],
  ]);
  assert.deepEqual(await queue.steps(), []);
  assert.equal(server.order(1).state, 'completed');
});

test('a step whose reply was lost is found stored and not sent again', async () => {
  const server = service([{ id: 1, state: 'in_progress', version: 3 }]);
  const { queue } = await queueFor(server);
  server.loseReply = true;
  assert.equal((await queue.take(server.order(1), { to: 'completed', note: 'n' })).state, PENDING);
  await queue.send();
  assert.deepEqual(server.sent, [[1, 'completed']]);
  assert.deepEqual(await queue.steps(), []);
});

test('a change by someone else is a conflict that holds back that order only, and stays until settled', async () => {
  const server = service([
    { id: 1, state: 'in_progress', version: 3 },
    { id: 2, state: 'in_progress', version: 7 },
  ]);
  const { queue } = await queueFor(server);
  server.offline = true;
  await queue.take(server.order(1), { to: 'completed', note: 'mine' });
  await queue.take(server.order(2), { to: 'completed' });
  server.api.change(1, 'cancelled');
  server.offline = false;
  await queue.send();
  await queue.send();

  assert.deepEqual(server.sent, [[2, 'completed']]);
  const [conflict] = await queue.steps();
  assert.equal(conflict.status, CONFLICT);
  assert.deepEqual(
    conflict.problem.changes.events.map((e) => [e.by, e.toState]),
    [['dispatcher', 'cancelled']],
  );
  assert.equal(conflict.problem.changes.state, 'cancelled');

  await queue.discard(conflict);
  assert.deepEqual(await queue.steps(), []);
  assert.equal(server.order(1).state, 'cancelled');
});

test('passes started together send each step once', async () => {
  const server = service([{ id: 1, state: 'in_progress', version: 1 }]);
  const { queue } = await queueFor(server);
  server.offline = true;
  await queue.take(server.order(1), { to: 'completed' });
  server.offline = false;
  await Promise.all([queue.send(), queue.send(), queue.send()]);
  assert.deepEqual(server.sent, [[1, 'completed']]);
});

test('a step sent anyway after a conflict goes on the order as it is now', async () => {
  const server = service([{ id: 1, state: 'in_progress', version: 3 }]);
  const { queue } = await queueFor(server);
  server.offline = true;
  await queue.take(server.order(1), { to: 'completed', note: 'mine' });
  server.api.change(1, 'in_progress');
  server.offline = false;
  await queue.send();
  const [conflict] = await queue.steps();
  assert.equal(conflict.status, CONFLICT);

  await queue.resend(conflict);
  assert.deepEqual(server.sent, [[1, 'completed']]);
  assert.deepEqual(await queue.steps(), []);
  assert.equal(server.order(1).version, 5);
});
