package cn.zonegis.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType3Font;

/**
 * Draws text of one PDF document in the embedded CJK font: each glyph the document uses
 * becomes a Type 3 glyph named uniXXXX (or uXXXXX), so text extraction reads the
 * characters back; one Type 3 font holds 256 glyphs, and more fonts are added as needed.
 * Glyphs are numbered in the order first drawn, so the same document gives the same
 * bytes.
 */
public final class PdfText {

	private static final int GLYPHS_PER_FONT = 256;

	private final PDDocument document;

	private final CjkFont cjk;

	private final List<GlyphFont> fonts = new ArrayList<>();

	private final Map<Integer, Slot> slots = new HashMap<>();

	public PdfText(PDDocument document, CjkFont cjk) {
		this.document = document;
		this.cjk = cjk;
		cjk.requireInstalled();
	}

	/** The width of the text at this size, in points. */
	public float width(String text, float size) {
		float advance = 0;
		for (int codePoint : text.codePoints().toArray()) {
			advance += this.cjk.glyph(codePoint).advance();
		}
		return advance * size / 1000f;
	}

	/** Draws the text with its baseline starting at (x, y). */
	public void show(PDPageContentStream content, String text, float x, float y, float size) {
		try {
			content.beginText();
			content.newLineAtOffset(x, y);
			GlyphFont current = null;
			StringBuilder run = new StringBuilder();
			for (int codePoint : text.codePoints().toArray()) {
				Slot slot = slot(codePoint);
				if (slot.font != current) {
					flush(content, current, run, size);
					current = slot.font;
				}
				run.appendCodePoint(codePoint);
			}
			flush(content, current, run, size);
			content.endText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Splits text into lines no wider than the width, breaking between characters; no
	 * character is left out.
	 */
	public List<String> wrap(String text, float size, float maxWidth) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		float lineWidth = 0;
		for (int codePoint : text.codePoints().toArray()) {
			float advance = this.cjk.glyph(codePoint).advance() * size / 1000f;
			if (lineWidth + advance > maxWidth && !line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
				lineWidth = 0;
			}
			line.appendCodePoint(codePoint);
			lineWidth += advance;
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static void flush(PDPageContentStream content, GlyphFont font, StringBuilder run, float size)
			throws IOException {
		if (font != null && !run.isEmpty()) {
			content.setFont(font, size);
			content.showText(run.toString());
		}
		run.setLength(0);
	}

	private Slot slot(int codePoint) {
		Slot slot = this.slots.get(codePoint);
		if (slot == null) {
			CjkFont.Glyph glyph = this.cjk.glyph(codePoint);
			GlyphFont font = this.fonts.isEmpty() ? null : this.fonts.get(this.fonts.size() - 1);
			if (font == null || font.codes.size() == GLYPHS_PER_FONT) {
				font = GlyphFont.create(this.document);
				this.fonts.add(font);
			}
			slot = new Slot(font, font.add(this.document, glyph));
			this.slots.put(codePoint, slot);
		}
		return slot;
	}

	private record Slot(GlyphFont font, int code) {
	}

	/**
	 * A Type 3 font whose glyphs are added as the document uses them. PDFBox draws Type 3
	 * text only through {@link #encode(int)}, which this font answers from its own table.
	 */
	private static final class GlyphFont extends PDType3Font {

		private final Map<Integer, Integer> codes = new HashMap<>();

		private final COSDictionary dictionary;

		private GlyphFont(COSDictionary dictionary) throws IOException {
			super(dictionary);
			this.dictionary = dictionary;
		}

		static GlyphFont create(PDDocument document) {
			COSDictionary font = new COSDictionary();
			font.setItem(COSName.TYPE, COSName.FONT);
			font.setItem(COSName.SUBTYPE, COSName.TYPE3);
			font.setItem(COSName.FONT_MATRIX, floats(0.001f, 0, 0, 0.001f, 0, 0));
			// Noto Sans CJK's own bounding box, in 1/1000 em.
			font.setItem(COSName.FONT_BBOX, floats(-1000, -300, 3000, 1000));
			font.setItem(COSName.CHAR_PROCS, new COSDictionary());
			COSDictionary encoding = new COSDictionary();
			encoding.setItem(COSName.TYPE, COSName.ENCODING);
			encoding.setItem(COSName.DIFFERENCES, new COSArray(List.of(COSInteger.ZERO)));
			font.setItem(COSName.ENCODING, encoding);
			font.setInt(COSName.FIRST_CHAR, 0);
			font.setInt(COSName.LAST_CHAR, 0);
			font.setItem(COSName.WIDTHS, new COSArray());
			font.setItem(COSName.RESOURCES, new COSDictionary());
			try {
				return new GlyphFont(font);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		int add(PDDocument document, CjkFont.Glyph glyph) {
			int code = this.codes.size();
			String name = (glyph.codePoint() > 0xFFFF) ? "u%05X".formatted(glyph.codePoint())
					: "uni%04X".formatted(glyph.codePoint());
			COSStream proc = document.getDocument().createCOSStream();
			try (OutputStream out = proc.createOutputStream(COSName.FLATE_DECODE)) {
				out.write((glyph.advance() + " 0 d0\n" + glyph.outline()).getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.dictionary.getCOSDictionary(COSName.CHAR_PROCS).setItem(COSName.getPDFName(name), proc);
			((COSArray) this.dictionary.getCOSDictionary(COSName.ENCODING).getDictionaryObject(COSName.DIFFERENCES))
				.add(COSName.getPDFName(name));
			((COSArray) this.dictionary.getDictionaryObject(COSName.WIDTHS)).add(new COSFloat(glyph.advance()));
			this.dictionary.setInt(COSName.LAST_CHAR, code);
			this.codes.put(glyph.codePoint(), code);
			this.dictionary.setItem(COSName.TO_UNICODE, toUnicode(document));
			return code;
		}

		/**
		 * The map from codes back to characters that text extraction reads; rewritten as
		 * glyphs are added (at most 256 a font).
		 */
		private COSStream toUnicode(PDDocument document) {
			StringBuilder cmap = new StringBuilder("""
					/CIDInit /ProcSet findresource begin
					12 dict begin
					begincmap
					/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
					/CMapName /Adobe-Identity-UCS def
					/CMapType 2 def
					1 begincodespacerange
					<00> <FF>
					endcodespacerange
					""");
			List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(this.codes.entrySet());
			entries.sort(Map.Entry.comparingByValue());
			for (int from = 0; from < entries.size(); from += 100) {
				List<Map.Entry<Integer, Integer>> block = entries.subList(from, Math.min(entries.size(), from + 100));
				cmap.append(block.size()).append(" beginbfchar\n");
				for (Map.Entry<Integer, Integer> entry : block) {
					StringBuilder utf16 = new StringBuilder();
					for (char unit : Character.toChars(entry.getKey())) {
						utf16.append("%04X".formatted((int) unit));
					}
					cmap.append("<%02X> <%s>\n".formatted(entry.getValue(), utf16));
				}
				cmap.append("endbfchar\n");
			}
			cmap.append("""
					endcmap
					CMapName currentdict /CMap defineresource pop
					end
					end
					""");
			COSStream stream = document.getDocument().createCOSStream();
			try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
				out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return stream;
		}

		@Override
		protected byte[] encode(int unicode) {
			Integer code = this.codes.get(unicode);
			if (code == null) {
				throw new IllegalStateException("glyph U+%04X was not added to this font".formatted(unicode));
			}
			return new byte[] { code.byteValue() };
		}

		@Override
		public boolean willBeSubset() {
			return false;
		}

		private static COSArray floats(float... values) {
			COSArray array = new COSArray();
			for (float value : values) {
				array.add(new COSFloat(value));
			}
			return array;
		}

	}

}
