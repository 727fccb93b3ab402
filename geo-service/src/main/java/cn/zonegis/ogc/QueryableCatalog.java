package cn.zonegis.ogc;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.SridSql;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The published properties of each collection with their types, read once from
 * PostgreSQL's own description of the items query: what a filter may name and how its
 * values are bound. The columns cannot change while the service runs (Flyway migrates
 * before it starts), so nothing expires.
 */
@Component
public class QueryableCatalog {

	private final JdbcTemplate jdbc;

	private final SridSql srids;

	/** One entry per registered collection; the bound only guards against a leak. */
	private final Cache<String, Map<String, Queryable>> byCollection = Caffeine.newBuilder()
		.maximumSize(1000)
		.recordStats()
		.build();

	QueryableCatalog(JdbcTemplate jdbc, SridSql srids, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.srids = srids;
		CaffeineCacheMetrics.monitor(meters, this.byCollection, "ogc.queryables");
	}

	/** Every published property of def, by name, in order. */
	public Map<String, Queryable> of(CollectionDef def) {
		return this.byCollection.get(def.id(), (id) -> describe(def));
	}

	/**
	 * The published property of that name, or a 400 naming it and listing the queryables.
	 */
	public Queryable get(CollectionDef def, String name) {
		Queryable queryable = of(def).get(name);
		if (queryable == null) {
			throw ApiProblem.badRequest("unknown-property", "problem.property.unknown", name, def.id())
				.with("property", name)
				.with("queryables", List.copyOf(of(def).keySet()));
		}
		return queryable;
	}

	/** The SQL of each published property over alias {@code t}, in order. */
	public Map<String, String> expressions(CollectionDef def) {
		Map<String, String> expressions = new LinkedHashMap<>();
		for (String column : def.properties()) {
			expressions.put(column, "t.\"" + column + "\"");
		}
		def.computed().forEach((name, sql) -> expressions.put(name, "(" + this.srids.render(sql) + ")"));
		return expressions;
	}

	private Map<String, Queryable> describe(CollectionDef def) {
		Map<String, String> expressions = expressions(def);
		List<String> selected = new ArrayList<>();
		expressions.forEach((name, sql) -> selected.add(sql + " AS \"" + name + "\""));
		String sql = "SELECT " + String.join(", ", selected) + " FROM zonegis." + def.table() + " t LIMIT 0";
		return this.jdbc.query(sql, (rs) -> {
			ResultSetMetaData meta = rs.getMetaData();
			Map<String, Queryable> queryables = new LinkedHashMap<>();
			int column = 1;
			for (Map.Entry<String, String> entry : expressions.entrySet()) {
				queryables.put(entry.getKey(), new Queryable(entry.getKey(), entry.getValue(),
						Queryable.Type.ofPostgres(meta.getColumnTypeName(column++))));
			}
			return queryables;
		});
	}

}
