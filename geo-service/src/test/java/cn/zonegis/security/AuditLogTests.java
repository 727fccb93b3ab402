package cn.zonegis.security;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataAccessException;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Administrators read the audit log by object, user and date; nobody changes or deletes
 * it.
 */
class AuditLogTests extends IntegrationTest {

	private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	@Test
	void theLogOfOneObjectListsItsChangesNewestFirst() {
		long id = tokenOf("planner");
		this.as("planner").delete("/api/tokens/" + id, Map.of());

		JsonNode entries = as("admin").get("/api/audit?entity=api_token&entityId=" + id).json();

		assertThat(entries.findValues("action").stream().map(JsonNode::asString)).containsExactly("revoke", "create");
		assertThat(entries.get(0).get("username").asString()).isEqualTo("planner");
		assertThat(entries.get(0).get("detail").get("owner").asString()).isEqualTo("planner");
	}

	@Test
	void theLogIsFilteredByUserAndDate() {
		long id = tokenOf("crew");

		JsonNode today = as("admin").get("/api/audit?user=crew&from=" + TODAY + "&to=" + TODAY + "&limit=1000").json();
		JsonNode yesterday = as("admin")
			.get("/api/audit?user=crew&to=" + LocalDate.parse(TODAY).minusDays(1) + "&limit=1000")
			.json();

		assertThat(today.findValues("username")).allMatch((u) -> u.asString().equals("crew"));
		assertThat(today.findValues("entityId").stream().map(JsonNode::asString)).contains(Long.toString(id));
		assertThat(yesterday.findValues("entityId").stream().map(JsonNode::asString)).doesNotContain(Long.toString(id));
	}

	@Test
	void onlyAnAdminReadsTheLog() {
		assertThat(as("planner").get("/api/audit").status()).isEqualTo(403);
		assertThat(as("viewer").get("/api/audit").status()).isEqualTo(403);
		assertThat(anonymous().get("/api/audit").status()).isEqualTo(401);
		assertThat(as("admin").get("/api/audit").status()).isEqualTo(200);
	}

	@Nested
	class Sealed {

		@Test
		void noRequestChangesOrDeletesAnEntry() {
			tokenOf("viewer");
			String before = checksum();
			for (String method : new String[] { "PUT", "PATCH", "DELETE", "POST" }) {
				Http.Response response = as("admin").send(method, "/api/audit", "{}",
						Map.of("Content-Type", "application/json"));
				assertThat(response.status()).as(method).isBetween(400, 499);
			}
			assertThat(checksum()).isEqualTo(before);
		}

		@Test
		void theDatabaseRefusesUpdateDeleteAndTruncateEvenFromTheServicesOwnLogin() {
			tokenOf("viewer");
			String before = checksum();
			assertThatThrownBy(
					() -> AuditLogTests.this.jdbc.sql("UPDATE zonegis.audit_log SET username = 'x'").update())
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> AuditLogTests.this.jdbc.sql("DELETE FROM zonegis.audit_log").update())
				.isInstanceOf(DataAccessException.class);
			assertThatThrownBy(() -> AuditLogTests.this.jdbc.sql("TRUNCATE zonegis.audit_log").update())
				.isInstanceOf(DataAccessException.class);
			assertThat(checksum()).isEqualTo(before);
		}

	}

	@Nested
	class BadQueries {

		@Test
		void aRangeEndingBeforeItStartsNamesTheParameter() {
			assertBadParameter(as("admin").get("/api/audit?from=2026-03-02&to=2026-03-01"), "to");
		}

		@Test
		void aDateThatIsNotADayNamesTheParameter() {
			assertBadParameter(as("admin").get("/api/audit?from=yesterday"), "from");
		}

		@Test
		void anObjectIdWithoutItsTableIsRefused() {
			assertBadParameter(as("admin").get("/api/audit?entityId=1%3BDROP"), "entity");
		}

		@Test
		void aLimitPastTheMaximumIsRefused() {
			assertThat(as("admin").get("/api/audit?limit=100000").status()).isEqualTo(400);
		}

	}

	private long tokenOf(String user) {
		Http.Response response = as(user).post("/api/tokens", "{\"name\":\"audit test\"}");
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private String checksum() {
		return this.jdbc.sql("SELECT md5(string_agg(a::text, '|' ORDER BY id)) FROM zonegis.audit_log a")
			.query(String.class)
			.single();
	}

}
