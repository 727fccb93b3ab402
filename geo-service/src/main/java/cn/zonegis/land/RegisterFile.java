package cn.zonegis.land;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zonegis.ApiProblem;
import cn.zonegis.io.TextDecoding;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A register file as a header and rows of raw cells: the first sheet of an .xlsx (text as
 * String, numbers as Double, booleans as Boolean, date-formatted cells as LocalDate) or a
 * CSV (every cell a String; UTF-8 with or without BOM, else GBK as Excel in China saves
 * it). Text is kept as typed, blanks included, for the layer's rules to judge; a cell of
 * nothing but blanks is empty. Rows are numbered as the spreadsheet shows them, the
 * header being row 1; blank rows are left out.
 */
record RegisterFile(List<String> headers, List<Line> lines) {

	/** One row: its number in the sheet and its cells, null where empty. */
	record Line(int number, List<Object> cells) {

		Object cell(int column) {
			return (column < this.cells.size()) ? this.cells.get(column) : null;
		}

	}

	static RegisterFile read(String fileName, byte[] content) {
		String name = (fileName == null) ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			return xlsx(content);
		}
		if (name.endsWith(".csv")) {
			return csv(content);
		}
		throw ApiProblem.badRequest("unsupported-file-type", "register.file.type", String.valueOf(fileName))
			.with("parameter", "file");
	}

	private static RegisterFile xlsx(byte[] content) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> headers = new ArrayList<>();
			List<Line> lines = new ArrayList<>();
			for (Row row : sheet) {
				List<Object> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(value(row.getCell(c)));
				}
				if (headers.isEmpty() && lines.isEmpty() && row.getRowNum() == sheet.getFirstRowNum()) {
					cells.forEach((cell) -> headers.add((cell == null) ? "" : cell.toString().strip()));
				}
				else if (cells.stream().anyMatch((cell) -> cell != null)) {
					lines.add(new Line(row.getRowNum() + 1, cells));
				}
			}
			return new RegisterFile(headers, lines);
		}
		catch (IOException | RuntimeException ex) {
			throw ApiProblem
				.unprocessable("unreadable-file", "register.file.unreadable", String.valueOf(ex.getMessage()))
				.with("parameter", "file");
		}
	}

	private static Object value(Cell cell) {
		if (cell == null) {
			return null;
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		return switch (type) {
			case STRING -> {
				String text = cell.getStringCellValue();
				yield text.isBlank() ? null : text;
			}
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate()
					: (Object) cell.getNumericCellValue();
			case BOOLEAN -> cell.getBooleanCellValue();
			default -> null;
		};
	}

	private static RegisterFile csv(byte[] content) {
		String text = TextDecoding.decode(content, null);
		try (CSVParser parser = CSVParser.builder()
			.setReader(new StringReader(text))
			.setFormat(CSVFormat.RFC4180)
			.get()) {
			List<String> headers = new ArrayList<>();
			List<Line> lines = new ArrayList<>();
			for (CSVRecord record : parser) {
				List<Object> cells = new ArrayList<>();
				record.forEach((value) -> cells.add(value.isBlank() ? null : value));
				if (record.getRecordNumber() == 1) {
					cells.forEach((cell) -> headers.add((cell == null) ? "" : cell.toString().strip()));
				}
				else if (cells.stream().anyMatch((cell) -> cell != null)) {
					lines.add(new Line((int) record.getRecordNumber(), cells));
				}
			}
			return new RegisterFile(headers, lines);
		}
		catch (IOException | RuntimeException ex) {
			throw ApiProblem
				.unprocessable("unreadable-file", "register.file.unreadable", String.valueOf(ex.getMessage()))
				.with("parameter", "file");
		}
	}

}
