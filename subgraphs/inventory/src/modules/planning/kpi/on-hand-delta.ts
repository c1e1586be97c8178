/**
 * How each stock-ledger movement changed on-hand units, as SQL over a
 * `stock_movement` row aliased `m`: the rule of the ledger check
 * (ledger/stock-ledger.service.ts). RECEIVE and RETURN count up, SHIP down,
 * ADJUST and the transfers' TRANSFER_OUT / TRANSFER_IN (planning/transfer) are
 * signed; reservations move no unit. A new kind that moves on-hand stock
 * belongs here too.
 */
export const ON_HAND_DELTA_SQL = `CASE
  WHEN m.kind IN ('RECEIVE', 'ADJUST', 'RETURN', 'TRANSFER_OUT', 'TRANSFER_IN') THEN m.quantity
  WHEN m.kind = 'SHIP' THEN -m.quantity ELSE 0 END`;
