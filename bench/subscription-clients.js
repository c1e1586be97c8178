'use strict';
/**
 * One client process of bench/subscriptions.js (forked, driven over IPC): opens its share of the WebSocket
 * subscribers and records, per event, how many of them got it and when the last one did. The subscribers are
 * spread over several such processes so that their work runs beside the gateway's rather than in one queue, and
 * each reads only what timing needs (the eventId, found by indexOf, and whether the frame carries errors): the
 * figure is the gateway's, not a JSON.parse of every delivery. One subscriber per process parses every message in
 * full and checks its shape, so a gateway that sent something else than graphql-transport-ws `next` messages with
 * the selected fields would show up as shape errors.
 *
 * Messages: { cmd: 'open', url, authorization, subscription, sockets, perSocket, localAddress } -> { opened },
 *           { cmd: 'report' } -> { deliveries: [[eventId, at, count, last, errors]], shapeErrors },
 *           { cmd: 'close' } -> { closed }.
 */
const { randomUUID } = require('node:crypto');
const WebSocket = require('ws');

const EVENT_ID = Buffer.from('"eventId":"');
const AT = Buffer.from('"at":"');
const ERRORS = Buffer.from('"errors":');
/** eventId -> { count, last, errors } */
const deliveries = new Map();
let sockets = [];
let shapeErrors = 0;

function record(data, start, receivedAt) {
  const eventId = data.toString('latin1', start, data.indexOf(34, start));
  let d = deliveries.get(eventId);
  if (!d) {
    // The change's time, read once per event: every delivery carries the same.
    const at = data.indexOf(AT, start) + AT.length;
    d = { at: Date.parse(data.toString('latin1', at, data.indexOf(34, at))), count: 0, last: 0, errors: 0 };
    deliveries.set(eventId, d);
  }
  d.count += 1;
  if (receivedAt > d.last) d.last = receivedAt;
  if (data.indexOf(ERRORS, start) >= 0) d.errors += 1;
}

/** What every `next` message must look like: graphql-transport-ws, the subscription's id, every selected field. */
function checkShape(msg, ids) {
  const e = msg.payload?.data?.orderStatusChanged;
  const ok =
    msg.type === 'next' &&
    ids.has(msg.id) &&
    Object.keys(msg).join() === 'id,type,payload' &&
    e &&
    ['eventId', 'from', 'to', 'at', 'order'].every((k) => k in e) &&
    typeof e.order?.customer?.name === 'string' &&
    Array.isArray(e.order.lines) &&
    Array.isArray(e.order.allocations) &&
    Array.isArray(e.order.shipments);
  if (!ok) shapeErrors += 1;
}

/** One connection carrying `perSocket` subscriptions, each with its own id (like graphql-ws clients' UUIDs). */
function open({ url, authorization, subscription, perSocket, localAddress }, fullParse) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false, localAddress });
    const ids = new Set(Array.from({ length: perSocket }, () => randomUUID()));
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization } })));
    ws.on('message', (data) => {
      const receivedAt = Date.now();
      const at = data.indexOf(EVENT_ID);
      if (at >= 0) {
        record(data, at + EVENT_ID.length, receivedAt);
        if (fullParse) checkShape(JSON.parse(data), ids);
        return;
      }
      const msg = JSON.parse(data);
      if (msg.type === 'connection_ack') {
        for (const id of ids) ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query: subscription } }));
        resolve(ws);
      } else if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
      else if (msg.type !== 'pong') shapeErrors += 1;
    });
    ws.on('error', reject);
  });
}

process.on('message', async (m) => {
  if (m.cmd === 'open') {
    for (let i = 0; i < m.sockets; i += 200) {
      const batch = Array.from({ length: Math.min(200, m.sockets - i) }, (_, j) => open(m, i + j === 0));
      sockets.push(...(await Promise.all(batch)));
    }
    process.send({ opened: sockets.length });
  } else if (m.cmd === 'report') {
    process.send({
      deliveries: [...deliveries].map(([id, d]) => [id, d.at, d.count, d.last, d.errors]),
      shapeErrors,
    });
  } else if (m.cmd === 'close') {
    await Promise.all(
      sockets.map(
        (ws) =>
          new Promise((r) => {
            ws.once('close', r);
            ws.close();
          }),
      ),
    );
    sockets = [];
    deliveries.clear();
    process.send({ closed: true });
  }
});
