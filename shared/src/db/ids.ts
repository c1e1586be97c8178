const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids that are not UUIDs cannot exist: look-ups answer null (or nothing)
 * without asking PostgreSQL, which would reject the cast with an error.
 */
export const isUuid = (id: string): boolean => UUID.test(id);
