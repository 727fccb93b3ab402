package cn.zonegis.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.security.AuditLog;
import cn.zonegis.security.CurrentRoles;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a register from Excel or CSV ({@link RegisterSheet} says the columns): every
 * row is read through the same rules as a Feature sent to the API, codes must be unique
 * in the file and references (enterprise, parcel, zone) must exist. Any problem refuses
 * the whole file with a 422 listing each bad row and column; otherwise, in one
 * transaction, a row whose code is stored replaces that row (its old version kept as
 * history) and any other row is created, each audited.
 */
@Service
public class RegisterImports {

	private final LandLayerRepository rows;

	private final GeometryCheck check;

	private final GeoProperties geo;

	private final AuditLog audit;

	private final CurrentRoles roles;

	private final MessageSource messages;

	private final JsonMapper json;

	RegisterImports(LandLayerRepository rows, GeometryCheck check, GeoProperties geo, AuditLog audit,
			CurrentRoles roles, MessageSource messages, JsonMapper json) {
		this.rows = rows;
		this.check = check;
		this.geo = geo;
		this.audit = audit;
		this.roles = roles;
		this.messages = messages;
		this.json = json;
	}

	/** What an import did, or with dryRun would do. */
	record Result(String register, boolean dryRun, int rows, int created, int updated) {
	}

	/** One refused cell: the sheet's row number and the column's header in the file. */
	record RowProblem(int row, String column, String property, String detail) {
	}

	@Transactional
	Result importFile(LandLayer layer, String fileName, byte[] content, boolean dryRun) {
		this.roles.require(layer.writer());
		RegisterSheet sheet = RegisterSheet.of(layer);
		RegisterFile file = RegisterFile.read(fileName, content);
		Map<String, Integer> columns = columns(sheet, file.headers());
		List<RowProblem> problems = new ArrayList<>();
		List<Read> read = new ArrayList<>();
		Map<String, Integer> codeRows = new HashMap<>();
		for (RegisterFile.Line line : file.lines()) {
			Read row = readLine(sheet, file, columns, line, problems);
			if (row == null) {
				continue;
			}
			String code = (String) row.row().values().get("code");
			Integer first = codeRows.putIfAbsent(code, line.number());
			if (first != null) {
				problems.add(problem(line.number(), file, columns, "code", "register.code.duplicate", code, first));
				continue;
			}
			read.add(row);
		}
		checkReferences(file, columns, read, problems);
		if (!problems.isEmpty()) {
			problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
			RowProblem first = problems.get(0);
			throw ApiProblem
				.unprocessable("register-import-refused", "register.import.refused", problems.size(), first.detail())
				.with("errors", problems);
		}
		Map<String, Long> stored = this.rows.idsByCode(layer, codeRows.keySet());
		int updated = (int) read.stream().filter((r) -> stored.containsKey(r.code())).count();
		if (!dryRun) {
			write(layer, fileName, read, stored);
		}
		return new Result(layer.path(), dryRun, read.size(), read.size() - updated, updated);
	}

	private void write(LandLayer layer, String fileName, List<Read> read, Map<String, Long> stored) {
		String user = AuditLog.currentUsername();
		List<AuditLog.Entry> entries = new ArrayList<>();
		for (Read r : read) {
			Long id = stored.get(r.code());
			String action;
			if (id == null) {
				id = this.rows.insert(layer, r.row(), user);
				action = "create";
			}
			else {
				this.rows.archive(layer, id, "update", user);
				this.rows.update(layer, id, r.row(), user);
				action = "update";
			}
			Map<String, Object> detail = new LinkedHashMap<>(r.row().values());
			detail.put("importedFrom", fileName);
			detail.put("row", r.line());
			entries.add(new AuditLog.Entry(action, id, this.json.writeValueAsString(detail)));
		}
		this.audit.recordAll(layer.table(), entries);
	}

	/** A row that passed its own checks, with its line for later ones. */
	private record Read(int line, LandLayer.Row row) {

		String code() {
			return (String) this.row.values().get("code");
		}

	}

	/**
	 * The column of each field in the file; an unknown or repeated header, or a missing
	 * geometry column, refuses the file at once.
	 */
	private Map<String, Integer> columns(RegisterSheet sheet, List<String> headers) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<RowProblem> problems = new ArrayList<>();
		for (int c = 0; c < headers.size(); c++) {
			String header = headers.get(c);
			if (header.isEmpty()) {
				continue;
			}
			RegisterSheet.Field field = sheet.fields()
				.stream()
				.filter((f) -> f.namedBy(header))
				.findFirst()
				.orElse(null);
			if (field == null) {
				problems.add(new RowProblem(1, header, null, message("register.header.unknown", 1, header,
						String.join(", ", sheet.fields().stream().map(RegisterSheet.Field::property).toList()))));
			}
			else if (columns.putIfAbsent(field.property(), c) != null) {
				problems
					.add(new RowProblem(1, header, field.property(), message("register.header.repeated", 1, header)));
			}
		}
		for (RegisterSheet.Field field : sheet.fields()) {
			if (field.geometry() && !columns.containsKey(field.property())) {
				String name = header(field, LocaleContextHolder.getLocale());
				problems.add(new RowProblem(1, name, field.property(), message("register.header.missing", 1, name)));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblem
				.unprocessable("register-import-refused", "register.import.refused", problems.size(),
						problems.get(0).detail())
				.with("errors", problems);
		}
		return columns;
	}

	/**
	 * The row as the layer reads a Feature, or null after adding its problems: every cell
	 * that cannot be read, else the first rule it breaks.
	 */
	private Read readLine(RegisterSheet sheet, RegisterFile file, Map<String, Integer> columns, RegisterFile.Line line,
			List<RowProblem> problems) {
		ObjectNode properties = this.json.createObjectNode();
		Map<RegisterSheet.Type, Object> geometry = new HashMap<>();
		int before = problems.size();
		for (RegisterSheet.Field field : sheet.fields()) {
			Integer column = columns.get(field.property());
			Object cell = (column == null) ? null : line.cell(column);
			if (cell == null) {
				continue;
			}
			try {
				if (field.geometry()) {
					geometry.put(field.type(), geometryCell(field, cell));
				}
				else {
					properties.set(field.property(), value(field, cell));
				}
			}
			catch (CellProblem ex) {
				problems.add(problem(line.number(), file, columns, field.property(), ex.key, ex.args));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		try {
			ObjectNode feature = this.json.createObjectNode().put("type", "Feature");
			feature.set("geometry", geometry(sheet, geometry));
			feature.set("properties", properties);
			return new Read(line.number(), sheet.layer().read(feature, this.check, this.geo.extentBox()));
		}
		catch (CellProblem ex) {
			problems.add(problem(line.number(), file, columns, ex.property, ex.key, ex.args));
		}
		catch (ApiProblem ex) {
			Object property = ex.properties().get("property");
			String field = (property != null) ? property.toString() : (sheet.pointGeometry() ? "lon" : "wkt");
			String inner = this.messages.getMessage(ex.messageKey(), ex.messageArgs(), ex.messageKey(),
					LocaleContextHolder.getLocale());
			problems.add(new RowProblem(line.number(), columnName(file, columns, field), field,
					message("register.row.problem", line.number(), columnName(file, columns, field), inner)));
		}
		return null;
	}

	/** Refers only to enterprises, parcels and zones that exist. */
	private void checkReferences(RegisterFile file, Map<String, Integer> columns, List<Read> read,
			List<RowProblem> problems) {
		LandLayer.REFERENCES.forEach((property, table) -> {
			List<Long> ids = read.stream()
				.map((r) -> r.row().values().get(property))
				.filter((id) -> id != null)
				.map((id) -> ((Number) id).longValue())
				.distinct()
				.toList();
			if (ids.isEmpty()) {
				return;
			}
			Set<Long> known = this.rows.existingIds(table, ids);
			for (Read r : read) {
				Object id = r.row().values().get(property);
				if (id != null && !known.contains(((Number) id).longValue())) {
					problems.add(problem(r.line(), file, columns, property, "register.reference.unknown", id));
				}
			}
		});
	}

	private JsonNode value(RegisterSheet.Field field, Object cell) {
		return switch (field.type()) {
			case INTEGER, NUMBER -> this.json.getNodeFactory().numberNode(number(cell));
			case BOOLEAN -> this.json.getNodeFactory().booleanNode(flag(cell));
			default -> this.json.getNodeFactory().stringNode(text(cell));
		};
	}

	private static Object geometryCell(RegisterSheet.Field field, Object cell) {
		if (field.type() == RegisterSheet.Type.WKT) {
			try {
				return new WKTReader(GeometryCheck.factory()).read(text(cell));
			}
			catch (ParseException | IllegalArgumentException ex) {
				// JTS refuses an open or too short ring with IllegalArgumentException
				throw new CellProblem(field.property(), "register.cell.wkt", ex.getMessage());
			}
		}
		return number(cell);
	}

	/** The GeoJSON geometry of the row's lon/lat or WKT cells, for the layer to check. */
	private JsonNode geometry(RegisterSheet sheet, Map<RegisterSheet.Type, Object> cells) {
		if (sheet.pointGeometry()) {
			for (RegisterSheet.Type axis : List.of(RegisterSheet.Type.LON, RegisterSheet.Type.LAT)) {
				if (!cells.containsKey(axis)) {
					throw new CellProblem(axis.name().toLowerCase(Locale.ROOT), "register.cell.required");
				}
			}
			ObjectNode point = this.json.createObjectNode().put("type", "Point");
			point.putArray("coordinates")
				.add((BigDecimal) cells.get(RegisterSheet.Type.LON))
				.add((BigDecimal) cells.get(RegisterSheet.Type.LAT));
			return point;
		}
		Object shape = cells.get(RegisterSheet.Type.WKT);
		if (shape == null) {
			throw new CellProblem("wkt", "register.cell.required");
		}
		return geoJson((Geometry) shape);
	}

	/**
	 * A polygon or multipolygon as GeoJSON; any other type goes on for the check to name.
	 */
	private JsonNode geoJson(Geometry shape) {
		ObjectNode geometry = this.json.createObjectNode().put("type", shape.getGeometryType());
		ArrayNode coordinates = geometry.putArray("coordinates");
		if (shape instanceof Polygon polygon) {
			rings(coordinates, polygon);
		}
		else if ("MultiPolygon".equals(shape.getGeometryType())) {
			for (int p = 0; p < shape.getNumGeometries(); p++) {
				rings(coordinates.addArray(), (Polygon) shape.getGeometryN(p));
			}
		}
		return geometry;
	}

	private static void rings(ArrayNode into, Polygon polygon) {
		ring(into.addArray(), polygon.getExteriorRing().getCoordinates());
		for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
			ring(into.addArray(), polygon.getInteriorRingN(r).getCoordinates());
		}
	}

	private static void ring(ArrayNode into, Coordinate[] coordinates) {
		for (Coordinate c : coordinates) {
			into.addArray().add(c.x).add(c.y);
		}
	}

	private static BigDecimal number(Object cell) {
		if (cell instanceof Double d) {
			return BigDecimal.valueOf(d).stripTrailingZeros();
		}
		if (cell instanceof String s) {
			try {
				return new BigDecimal(s.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				// refused below, naming the cell
			}
		}
		throw new CellProblem(null, "register.cell.number", String.valueOf(cell));
	}

	private static boolean flag(Object cell) {
		if (cell instanceof Boolean b) {
			return b;
		}
		String text = (cell instanceof Double d && d == Math.rint(d)) ? Long.toString(d.longValue())
				: cell.toString().strip().toLowerCase(Locale.ROOT);
		return switch (text) {
			case "是", "true", "yes", "y", "1" -> true;
			case "否", "false", "no", "n", "0" -> false;
			default -> throw new CellProblem(null, "register.cell.boolean", cell.toString());
		};
	}

	/** Text as typed; a whole number stays whole (a code typed as 1001 is "1001"). */
	private static String text(Object cell) {
		if (cell instanceof Double d) {
			return (d == Math.rint(d) && !d.isInfinite()) ? BigDecimal.valueOf(d).toBigInteger().toString()
					: d.toString();
		}
		if (cell instanceof LocalDate date) {
			return date.toString();
		}
		return cell.toString();
	}

	private RowProblem problem(int row, RegisterFile file, Map<String, Integer> columns, String property, String key,
			Object... args) {
		String column = (property == null) ? "" : columnName(file, columns, property);
		String inner = message(key, args);
		return new RowProblem(row, column, property, message("register.row.problem", row, column, inner));
	}

	/** The column's header as the file spells it, else the property. */
	private static String columnName(RegisterFile file, Map<String, Integer> columns, String property) {
		Integer column = columns.get(property);
		return (column == null) ? property : file.headers().get(column);
	}

	private static String header(RegisterSheet.Field field, Locale locale) {
		return "en".equals(locale.getLanguage()) ? field.en() : field.zh();
	}

	/** Numbers as typed (row 1234, not 1,234). */
	private String message(String key, Object... args) {
		Object[] plain = Arrays.stream(args).map((a) -> (a instanceof Number) ? a.toString() : a).toArray();
		return this.messages.getMessage(key, plain, key, LocaleContextHolder.getLocale());
	}

	/** A cell that cannot be read; the property is filled in by whoever knows it. */
	private static final class CellProblem extends RuntimeException {

		private final String property;

		private final String key;

		private final Object[] args;

		CellProblem(String property, String key, Object... args) {
			super(key, null, false, false);
			this.property = property;
			this.key = key;
			this.args = args;
		}

	}

}
