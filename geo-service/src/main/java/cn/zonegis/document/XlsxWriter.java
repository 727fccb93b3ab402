package cn.zonegis.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;

/**
 * Writes any {@link SpreadsheetTable} as one .xlsx sheet: a header row in the reader's
 * language (Chinese unless English is asked for), numbers as numbers, areas in m² and 亩.
 */
final class XlsxWriter {

	/** Rows kept in memory while the rest go to a temporary file (POI streaming). */
	private static final int WINDOW = 200;

	private XlsxWriter() {
	}

	static byte[] write(SpreadsheetTable table, List<JsonNode> rows, MessageSource messages, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			Sheet sheet = workbook
				.createSheet(WorkbookUtil.createSafeSheetName(english ? table.titleEn() : table.titleZh()));
			CellStyle header = headerStyle(workbook);
			CellStyle m2 = numberStyle(workbook, "0.00");
			CellStyle mu = numberStyle(workbook, "0.0000");
			Row headings = sheet.createRow(0);
			int c = 0;
			for (SpreadsheetTable.Column column : table.columns()) {
				String title = english ? column.en() : column.zh();
				if (column.kind() == SpreadsheetTable.Kind.AREA) {
					cell(headings, c, header).setCellValue(title + (english ? " (m²)" : "（平方米）"));
					sheet.setColumnWidth(c++, 16 * 256);
					cell(headings, c, header).setCellValue(title + (english ? " (mu)" : "（亩）"));
					sheet.setColumnWidth(c++, 16 * 256);
				}
				else {
					cell(headings, c, header).setCellValue(title);
					sheet.setColumnWidth(c++, Math.max(12, Math.min(40, title.length() * 3)) * 256);
				}
			}
			sheet.createFreezePane(0, 1);
			int r = 1;
			for (JsonNode values : rows) {
				Row row = sheet.createRow(r++);
				c = 0;
				for (SpreadsheetTable.Column column : table.columns()) {
					JsonNode value = values.path(column.property());
					switch (column.kind()) {
						case AREA -> {
							number(row, c++, value, m2);
							number(row, c++, values.path(column.muProperty()), mu);
						}
						case NUMBER -> number(row, c++, value, null);
						case BOOLEAN -> {
							Cell cell = row.createCell(c++);
							if (value.isBoolean()) {
								cell.setCellValue(value.asBoolean() ? (english ? "yes" : "是") : (english ? "no" : "否"));
							}
						}
						case LABEL -> {
							Cell cell = row.createCell(c++);
							if (value.isString()) {
								cell.setCellValue(messages.getMessage(column.labels() + value.asString(), null,
										value.asString(), locale));
							}
						}
						default -> {
							Cell cell = row.createCell(c++);
							if (!value.isMissingNode() && !value.isNull()) {
								cell.setCellValue(value.isArray() ? join(value) : value.asString());
							}
						}
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A number cell, empty when the value is missing. */
	private static void number(Row row, int c, JsonNode value, CellStyle style) {
		Cell cell = row.createCell(c);
		if (value.isNumber() || (value.isString() && isNumber(value.asString()))) {
			cell.setCellValue(value.asDouble());
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private static boolean isNumber(String text) {
		return text.matches("-?\\d+(\\.\\d+)?");
	}

	private static String join(JsonNode array) {
		StringBuilder text = new StringBuilder();
		for (JsonNode item : array) {
			text.append(text.isEmpty() ? "" : ", ").append(item.asString());
		}
		return text.toString();
	}

	private static Cell cell(Row row, int c, CellStyle style) {
		Cell cell = row.createCell(c);
		cell.setCellStyle(style);
		return cell;
	}

	private static CellStyle headerStyle(Workbook workbook) {
		CellStyle style = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		style.setFont(bold);
		return style;
	}

	private static CellStyle numberStyle(Workbook workbook, String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}

}
