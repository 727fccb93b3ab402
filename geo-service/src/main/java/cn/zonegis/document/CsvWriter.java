package cn.zonegis.document;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;

/**
 * Writes any {@link SpreadsheetTable} as CSV with the same columns and headers as its
 * .xlsx: UTF-8 with a byte order mark, so that Excel opens the Chinese text as it is.
 */
final class CsvWriter {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private CsvWriter() {
	}

	static byte[] write(SpreadsheetTable table, List<JsonNode> rows, MessageSource messages, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		StringWriter text = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
			List<String> headers = new ArrayList<>();
			for (SpreadsheetTable.Column column : table.columns()) {
				String title = english ? column.en() : column.zh();
				if (column.kind() == SpreadsheetTable.Kind.AREA) {
					headers.add(title + (english ? " (m²)" : "（平方米）"));
					headers.add(title + (english ? " (mu)" : "（亩）"));
				}
				else {
					headers.add(title);
				}
			}
			csv.printRecord(headers);
			for (JsonNode values : rows) {
				List<String> cells = new ArrayList<>();
				for (SpreadsheetTable.Column column : table.columns()) {
					JsonNode value = values.path(column.property());
					boolean empty = value.isMissingNode() || value.isNull();
					switch (column.kind()) {
						case AREA -> {
							JsonNode mu = values.path(column.muProperty());
							cells.add(empty ? "" : value.asString());
							cells.add((mu.isMissingNode() || mu.isNull()) ? ""
									: String.format(Locale.ROOT, "%.4f", mu.asDouble()));
						}
						case BOOLEAN -> cells.add(!value.isBoolean() ? ""
								: value.asBoolean() ? (english ? "yes" : "是") : (english ? "no" : "否"));
						case LABEL -> cells.add(!value.isString() ? "" : messages
							.getMessage(column.labels() + value.asString(), null, value.asString(), locale));
						default -> cells.add(empty ? "" : value.asString());
					}
				}
				csv.printRecord(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[BOM.length + body.length];
		System.arraycopy(BOM, 0, file, 0, BOM.length);
		System.arraycopy(body, 0, file, BOM.length, body.length);
		return file;
	}

}
