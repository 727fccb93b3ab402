// Instants are shown on the zone's clock, whatever the browser's own time zone: an event at
// 16:30 UTC on 30 June is 00:30 on 1 July in the zone (Asia/Shanghai), as the reports count it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, setTimeZone } from '../../src/i18n.js';

test('an instant is written on the zone clock from /api/config', () => {
  setTimeZone('Asia/Shanghai');
  assert.match(formatDateTime('2026-06-30T16:30:00Z'), /2026\/7\/1.*00:30/);
  assert.match(formatDate('2026-06-30T16:30:00Z'), /2026\/7\/1/);
  setTimeZone('UTC');
  assert.match(formatDateTime('2026-06-30T16:30:00Z'), /2026\/6\/30.*16:30/);
  setTimeZone('Asia/Shanghai');
});
