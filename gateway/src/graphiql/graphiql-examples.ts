/**
 * One tab GraphiQL opens with on a first visit (later visits restore the
 * user's own tabs). Variables have defaults in the document: GraphiQL 3 leaves
 * the first tab's variables editor empty on load, whatever the tab holds.
 */
export interface GraphiQLExample {
  /** The document; its operation name becomes the tab's title. */
  query: string;
}

/**
 * The 360 view: one customer with orders, lines, products, stock allocations and shipments, from all four subgraphs.
 */
export const CUSTOMER_360_EXAMPLE: GraphiQLExample = {
  query: `# The 360 view of a customer, from all four subgraphs in one request.
# search: a name, email, phone or channel account id; null: the newest customer.
query Customer360($search: String = "wang", $orders: Int = 5) {
  customers(search: $search, first: 1) {
    totalCount
    edges {
      node {
        id
        name
        email
        identities { channel externalId }
        stats {
          orderCount
          lifetimeValue { amount currency }
          lastOrderAt
          channels
        }
        orders(first: $orders) {
          totalCount
          edges {
            node {
              id
              externalId
              status
              placedAt
              channel { code name }
              total { amount currency }
              lines { sku quantity product { name available } }
              allocations { sku quantity warehouse { code name } }
              shipments {
                trackingNumber
                status
                carrier { code name }
                events { at status location }
              }
            }
          }
        }
      }
    }
  }
}
`,
};

/** Live order status changes, each with the whole federated order as it is after the change. */
export const ORDER_SUBSCRIPTION_EXAMPLE: GraphiQLExample = {
  query: `# Order status changes as they happen: run it, then place an order (e.g. from another tab).
# Filters: orderId, customerId, channel; after: the last eventId seen, to replay what was missed.
subscription OrderStatusChanged {
  orderStatusChanged {
    eventId
    from
    to
    at
    order {
      id
      status
      customer { id name }
      allocations { sku warehouse { code } }
      shipments { carrier { code } trackingNumber }
    }
  }
}
`,
};

/** The tabs GraphiQL opens with, in order. */
export const GRAPHIQL_EXAMPLES: readonly GraphiQLExample[] = [CUSTOMER_360_EXAMPLE, ORDER_SUBSCRIPTION_EXAMPLE];
