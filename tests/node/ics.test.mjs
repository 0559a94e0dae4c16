// Reads the iCalendar sample that core/tests/io.rs exports (and keeps in sync with
// `UPDATE_FIXTURES=1 cargo test -p pipewise-core --test io`) with ical.js, the parser
// behind several calendar apps, to check that other software reads what we write.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(new URL('./fixtures/sample.ics', import.meta.url), 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
const byUid = (prefix) => events.find((e) => e.uid.startsWith(prefix));

test('the calendar has its header and one event per task', () => {
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  assert.equal(calendar.getFirstPropertyValue('prodid'), '-//Pipewise//Pipewise tasks//EN');
  assert.equal(events.length, 4);
});

test('lines end in CRLF and are folded at 75 octets', () => {
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  const lines = text.split('\r\n');
  for (const line of lines) {
    assert.ok(!line.includes('\n'), 'bare LF');
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
  }
  assert.ok(lines.some((l) => l.startsWith(' ')), 'the sample has folded lines');
});

test('UIDs are the task ids at pipewise, all distinct', () => {
  const uids = events.map((e) => e.uid);
  for (const uid of uids) assert.match(uid, /^[0-9a-f]{32}@pipewise$/);
  assert.equal(new Set(uids).size, uids.length);
});

test('summaries survive commas, semicolons, unicode and long text', () => {
  assert.equal(
    byUid('99b0e2db').summary,
    'Call: Call Ann, re: renewal; bring numbers [Needs analysis]',
  );
  assert.equal(byUid('c7f4830a').summary, 'Demo: Démo für Zoë — 北欧 ✓ [Meeting]');
  const long = 'Follow up on the very long proposal discussion '.repeat(4).trimEnd();
  assert.equal(byUid('88dc3e23').summary, `Follow-up: ${long} [Lead]`);
  assert.equal(byUid('826e2313').summary, "Email: =cmd|' /C calc'!A0 [Lead]");
});

test('descriptions carry contact, deal and notes with their line breaks', () => {
  assert.equal(
    byUid('99b0e2db').description,
    'Contact: Ann Lee (Acme, Inc.)\nDeal: Acme renewal\n\n' +
      'Line one\nLine two, with comma; and semicolon \\ backslash',
  );
  assert.equal(
    byUid('c7f4830a').description,
    'Contact: Zoë Ångström (Nordic Ljus AB)\nDeal: Ljus rollout, phase 1\nDone on 2025-02-01',
  );
});

test('timed tasks are floating local times with a duration; others are all-day', () => {
  const call = byUid('99b0e2db');
  assert.equal(call.startDate.isDate, false);
  assert.equal(call.startDate.toString(), '2025-07-02T09:30:00');
  assert.equal(call.startDate.zone, ICAL.Timezone.localTimezone);
  assert.equal(call.duration.toSeconds(), 45 * 60);
  const demo = byUid('c7f4830a');
  assert.equal(demo.startDate.isDate, true);
  assert.equal(demo.startDate.toString(), '2025-02-01');
  const stamp = events[0].component.getFirstPropertyValue('dtstamp');
  assert.equal(stamp.toString(), '2025-06-30T12:00:00Z');
});

test('the pipeline tag is the category and every event is confirmed', () => {
  const categories = events.map((e) => e.component.getFirstPropertyValue('categories'));
  assert.deepEqual(categories, ['Needs analysis', 'Meeting', 'Lead', 'Lead']);
  for (const e of events) assert.equal(e.component.getFirstPropertyValue('status'), 'CONFIRMED');
});
