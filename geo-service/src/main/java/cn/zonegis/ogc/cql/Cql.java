package cn.zonegis.ogc.cql;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * The tree a CQL2 filter parses into, whether it was written as cql2-text or cql2-json.
 * Nothing in it is SQL: {@link CqlSqlCompiler} turns it into conditions over published
 * properties only.
 */
public sealed interface Cql {

	/** A published property, by the name the client wrote. */
	record Property(String name) implements Cql {
	}

	/** A string, number or boolean literal. */
	record Literal(Object value) implements Cql {

		public boolean isString() {
			return this.value instanceof String;
		}

		public boolean isNumber() {
			return this.value instanceof BigDecimal;
		}

	}

	/** A geometry literal (WKT, GeoJSON or BBOX), in the filter CRS's axis order. */
	record GeometryLiteral(Geometry geometry) implements Cql {
	}

	/**
	 * A temporal literal from start to end, both included; null is an open end. An
	 * instant has start equal to end; a DATE is its whole day, and compares as a date.
	 */
	record TimeLiteral(OffsetDateTime start, OffsetDateTime end, boolean day) implements Cql {
	}

	/** =, <>, <, <=, >, >=. */
	record Comparison(String operator, Cql left, Cql right) implements Cql {
	}

	record Like(Cql value, Cql pattern, boolean negated) implements Cql {
	}

	record In(Cql value, List<Cql> list, boolean negated) implements Cql {
	}

	record Between(Cql value, Cql low, Cql high, boolean negated) implements Cql {
	}

	record IsNull(Cql value, boolean negated) implements Cql {
	}

	record And(List<Cql> operands) implements Cql {
	}

	record Or(List<Cql> operands) implements Cql {
	}

	record Not(Cql operand) implements Cql {
	}

	/** S_INTERSECTS and the other spatial functions of CQL2. */
	record Spatial(SpatialOperator operator, Cql left, Cql right) implements Cql {
	}

	/** T_BEFORE and the other temporal functions implemented here. */
	record Temporal(TemporalOperator operator, Cql left, Cql right) implements Cql {
	}

	/** The spatial functions of CQL2 and the PostGIS function each one is. */
	enum SpatialOperator {

		S_INTERSECTS("ST_Intersects"), S_WITHIN("ST_Within"), S_CONTAINS("ST_Contains"), S_DISJOINT("ST_Disjoint"),
		S_EQUALS("ST_Equals"), S_TOUCHES("ST_Touches"), S_CROSSES("ST_Crosses"), S_OVERLAPS("ST_Overlaps");

		private final String postgis;

		SpatialOperator(String postgis) {
			this.postgis = postgis;
		}

		public String postgis() {
			return this.postgis;
		}

	}

	enum TemporalOperator {

		T_BEFORE, T_AFTER, T_DURING, T_INTERSECTS, T_EQUALS

	}

}
