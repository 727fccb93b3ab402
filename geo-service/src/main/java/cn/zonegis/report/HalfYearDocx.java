package cn.zonegis.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The report as a Word document: a title, then per section its heading, its sentences
 * with the figures filled in, and a table of the figures with their definitions.
 */
@Component
class HalfYearDocx {

	/**
	 * The font the zone's documents are set in; Word falls back on systems without it.
	 */
	private static final String FONT = "仿宋";

	private final MessageSource messages;

	HalfYearDocx(MessageSource messages) {
		this.messages = messages;
	}

	byte[] write(HalfYearReport report) {
		Locale locale = LocaleContextHolder.getLocale();
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph title = doc.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			run(title, this.messages.getMessage("report.title", new Object[] { report.from(), report.to() }, locale),
					true, 18);
			int n = 0;
			for (HalfYearReport.Section section : report.sections()) {
				n++;
				run(doc.createParagraph(),
						this.messages.getMessage("report.heading", new Object[] { n, section.title() }, locale), true,
						15);
				XWPFParagraph text = doc.createParagraph();
				text.setIndentationFirstLine(640);
				run(text, section.text(), false, 15);
				XWPFTable table = doc.createTable(1, 3);
				cell(table.getRow(0), 0, this.messages.getMessage("report.column.figure", null, locale));
				cell(table.getRow(0), 1, this.messages.getMessage("report.column.value", null, locale));
				cell(table.getRow(0), 2, this.messages.getMessage("report.column.definition", null, locale));
				for (HalfYearReport.Figure figure : section.figures()) {
					XWPFTableRow row = table.createRow();
					cell(row, 0, figure.label());
					cell(row, 1, figure.value().toPlainString() + " " + figure.unit());
					cell(row, 2, figure.definition());
				}
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
		XWPFRun run = paragraph.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(bold);
		run.setText(text);
	}

	private static void cell(XWPFTableRow row, int column, String text) {
		row.getCell(column).setText(text);
	}

}
