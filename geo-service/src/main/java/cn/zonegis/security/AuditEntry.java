package cn.zonegis.security;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

/**
 * One entry of the audit log: who did what to which row, when.
 *
 * @param action the office's verb (create, update, transfer, dispatch…)
 * @param entity the table of the changed row
 * @param entityId the changed row's id
 * @param detail what changed, as the service recorded it
 */
public record AuditEntry(long id, OffsetDateTime at, String username, String action, String entity, String entityId,
		JsonNode detail) {
}
