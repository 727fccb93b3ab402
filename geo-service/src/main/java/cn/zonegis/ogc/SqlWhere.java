package cn.zonegis.ogc;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The WHERE clause of an items query as it is built: conditions written from code, and
 * every value the client sent bound as a parameter. Client text never becomes SQL text.
 */
public final class SqlWhere {

	private final List<String> conditions = new ArrayList<>();

	private final MapSqlParameterSource params = new MapSqlParameterSource();

	private int next = 1;

	/**
	 * A clause that starts with the rows of def the current user may read: where every
	 * read of a collection begins.
	 */
	public static SqlWhere readableIn(CollectionDef def) {
		return readableUnder(def.readableRows().current());
	}

	/**
	 * A clause that starts with the rows a restriction already looked up lets through:
	 * every row for null.
	 */
	public static SqlWhere readableUnder(RowScope.Restriction restriction) {
		SqlWhere where = new SqlWhere();
		if (restriction != null) {
			where.and(restriction.condition());
			where.params.addValues(restriction.params());
		}
		return where;
	}

	/** Binds a value and returns its placeholder. */
	public String bind(Object value) {
		String name = "p" + this.next++;
		this.params.addValue(name, value);
		return ":" + name;
	}

	/**
	 * Adds a condition; it may only hold SQL written in code and placeholders from
	 * {@link #bind}.
	 */
	public void and(String condition) {
		this.conditions.add("(" + condition + ")");
	}

	public String sql() {
		return this.conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", this.conditions);
	}

	public MapSqlParameterSource params() {
		return this.params;
	}

}
