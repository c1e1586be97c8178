const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs cannot exist; they resolve to null without asking PostgreSQL. */
export const isUuid = (id: string): boolean => UUID.test(id);
