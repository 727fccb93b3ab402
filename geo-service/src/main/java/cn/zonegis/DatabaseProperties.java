package cn.zonegis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what one request may ask of the database.
 *
 * @param statementTimeout PostgreSQL's statement_timeout on every pooled connection: a
 * single query that runs longer is cancelled
 * @param requestTimeout all the database work of one request (its transactions) must end
 * within this, counted from the request's arrival
 * @param replicaUrl JDBC URL of a streaming replica for reads that tolerate lag
 * ({@link ReplicaReads}), or empty to read everything from the primary
 */
@ConfigurationProperties("zonegis.db")
public record DatabaseProperties(@DefaultValue("30s") Duration statementTimeout,
		@DefaultValue("60s") Duration requestTimeout, String replicaUrl) {
}
