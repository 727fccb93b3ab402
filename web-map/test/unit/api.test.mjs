// The fetch wrapper's contract with Spring Security and RFC 9457, with a recording fake fetch.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { api, readCookie, serviceRetry, serviceState } from '../../src/api.js';

let calls;
let reply;

beforeEach(() => {
  calls = [];
  reply = () =>
    new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  globalThis.document = { cookie: 'JSESSIONID=abc; XSRF-TOKEN=tok%2Fen-1' };
  globalThis.fetch = async (url, init) => {
    calls.push({ url, ...init });
    return reply();
  };
});

test('every call sends X-Requested-With and same-origin credentials', async () => {
  await api.get('/api/me');
  assert.equal(calls[0].headers['X-Requested-With'], 'XMLHttpRequest');
  assert.equal(calls[0].credentials, 'same-origin');
});

test('GET sends no XSRF header, POST echoes the decoded XSRF-TOKEN cookie', async () => {
  await api.get('/api/config');
  await api.post('/api/logout');
  assert.equal(calls[0].headers['X-XSRF-TOKEN'], undefined);
  assert.equal(calls[1].headers['X-XSRF-TOKEN'], 'tok/en-1');
});

test('a form is sent url-encoded', async () => {
  await api.postForm('/api/login', { username: 'planner', password: 'a&b=c' });
  assert.equal(calls[0].headers['Content-Type'], 'application/x-www-form-urlencoded');
  assert.equal(calls[0].body, 'username=planner&password=a%26b%3Dc');
  assert.equal(calls[0].method, 'POST');
});

test('problem+json becomes an Error with status, problem and the server detail', async () => {
  const problem = { type: 'about:blank', title: 'Unauthorized', status: 401, detail: '用户名或密码错误' };
  reply = () =>
    new Response(JSON.stringify(problem), { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
  await assert.rejects(api.postForm('/api/login', { username: 'x', password: 'y' }), (error) => {
    assert.equal(error.message, '用户名或密码错误');
    assert.equal(error.status, 401);
    assert.deepEqual(error.problem, problem);
    return true;
  });
});

test('an error without a body still carries its status', async () => {
  reply = () => new Response('', { status: 502 });
  await assert.rejects(api.get('/api/layers'), { status: 502, message: 'HTTP 502' });
});

test('204 No Content resolves to null', async () => {
  reply = () => new Response(null, { status: 204 });
  assert.equal(await api.post('/api/logout'), null);
});

test('readCookie finds one cookie among many', () => {
  assert.equal(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=x; b=2'), 'x');
  assert.equal(readCookie('XSRF-TOKEN', 'a=1'), null);
});

test('a write may carry the ETag it expects as If-Match', async () => {
  await api.put('/api/pipes/1', { type: 'Feature' }, { ifMatch: '"3"' });
  await api.put('/api/pipes/1', { type: 'Feature' });
  assert.equal(calls[0].headers['If-Match'], '"3"');
  assert.equal(calls[1].headers['If-Match'], undefined);
});

test('a read that meets a 503 waits for the service and is sent again, announcing both', async () => {
  const events = [];
  globalThis.document.dispatchEvent = (event) => event.type === 'zg:service' && events.push(event.detail.state);
  Object.assign(serviceRetry, { firstMs: 1, maxMs: 2 });
  let down = 1;
  reply = () =>
    new Response(JSON.stringify({ ok: down <= 0 }), {
      status: down-- > 0 ? 503 : 200,
      headers: { 'Content-Type': 'application/json' },
    });
  assert.deepEqual(await api.get('/api/parcels'), { ok: true });
  assert.deepEqual(
    calls.map((c) => c.url),
    ['/api/parcels', serviceRetry.probe, '/api/parcels'],
  );
  assert.deepEqual(events, ['unavailable', 'ok']);
  assert.equal(serviceState(), 'ok');
});

test('a write that meets a 503 fails with the server message and keeps the probe going', async () => {
  const events = [];
  globalThis.document.dispatchEvent = (event) => event.type === 'zg:service' && events.push(event.detail.state);
  Object.assign(serviceRetry, { firstMs: 1, maxMs: 2 });
  const problem = { status: 503, detail: '数据库暂时无法连接' };
  let down = true;
  reply = () =>
    down
      ? new Response(JSON.stringify(problem), { status: 503, headers: { 'Content-Type': 'application/problem+json' } })
      : new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  await assert.rejects(api.post('/api/workorders', { description: 'x' }), {
    status: 503,
    message: '数据库暂时无法连接',
  });
  assert.equal(serviceState(), 'unavailable');
  assert.equal(calls.filter((c) => c.url === '/api/workorders').length, 1, 'a write is never sent twice');
  down = false;
  await new Promise((resolve) => {
    globalThis.document.dispatchEvent = (event) => {
      if (event.type !== 'zg:service') return;
      events.push(event.detail.state);
      resolve();
    };
  });
  assert.deepEqual(events, ['unavailable', 'ok']);
  assert.equal(serviceState(), 'ok');
});
