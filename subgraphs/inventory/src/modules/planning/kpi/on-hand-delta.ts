/**
 * How each stock-ledger movement changed on-hand units, as SQL over a
 * `stock_movement` row aliased `m`: the same rule as the ledger check
 * (ledger/stock-ledger.service.ts). A new movement kind that moves on-hand
 * stock belongs in both.
 */
export const ON_HAND_DELTA_SQL = `CASE WHEN m.kind IN ('RECEIVE', 'ADJUST', 'RETURN') THEN m.quantity
  WHEN m.kind = 'SHIP' THEN -m.quantity ELSE 0 END`;
