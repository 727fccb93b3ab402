package cn.zonegis.document;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zonegis.ApiProblem;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/tables/{id}.xlsx: any registered table as a spreadsheet, with the same query
 * parameters as its JSON list; {@code lang=en} (or Accept-Language) for English headers.
 */
@RestController
class SpreadsheetController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final Map<String, SpreadsheetTable> tables = new LinkedHashMap<>();

	private final MessageSource messages;

	SpreadsheetController(List<SpreadsheetTable> tables, MessageSource messages) {
		this.messages = messages;
		tables.forEach((table) -> this.tables.put(table.id(), table));
	}

	/** The tables that download as .xlsx, with their titles. */
	@GetMapping("/api/tables")
	List<Map<String, String>> list() {
		return this.tables.values()
			.stream()
			.map((t) -> Map.of("id", t.id(), "titleZh", t.titleZh(), "titleEn", t.titleEn(), "href",
					"/api/tables/" + t.id() + ".xlsx", "csv", "/api/tables/" + t.id() + ".csv"))
			.toList();
	}

	@GetMapping("/api/tables/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String id, @RequestParam Map<String, String> parameters) {
		return download(id, parameters, ".xlsx", XLSX, XlsxWriter::write);
	}

	/** The same table as CSV (UTF-8 with BOM), the same columns and headers. */
	@GetMapping("/api/tables/{id}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam Map<String, String> parameters) {
		return download(id, parameters, ".csv", CSV, CsvWriter::write);
	}

	private SpreadsheetTable table(String id) {
		SpreadsheetTable table = this.tables.get(id);
		if (table == null) {
			throw ApiProblem.notFound("document.table.unknown", id, String.join(", ", this.tables.keySet()));
		}
		return table;
	}

	/** The table's rows as the query parameters select them, written as one file. */
	private ResponseEntity<byte[]> download(String id, Map<String, String> parameters, String extension, MediaType type,
			SheetWriter writer) {
		SpreadsheetTable table = table(id);
		Locale locale = language(parameters.remove("lang"));
		byte[] file = writer.write(table, table.rows().of(parameters), this.messages, locale);
		String name = ("en".equals(locale.getLanguage()) ? table.titleEn() : table.titleZh()) + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(file);
	}

	private static Locale language(String lang) {
		if (lang == null) {
			return LocaleContextHolder.getLocale();
		}
		return switch (lang) {
			case "en" -> Locale.ENGLISH;
			case "zh" -> Locale.SIMPLIFIED_CHINESE;
			default -> throw ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", "lang", lang)
				.with("parameter", "lang");
		};
	}

	/** XlsxWriter.write or CsvWriter.write. */
	@FunctionalInterface
	private interface SheetWriter {

		byte[] write(SpreadsheetTable table, List<JsonNode> rows, MessageSource messages, Locale locale);

	}

}
