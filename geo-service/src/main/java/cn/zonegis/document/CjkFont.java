package cn.zonegis.document;

import java.awt.geom.PathIterator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import cn.zonegis.ApiProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The glyphs of Noto Sans CJK (Debian's fonts-noto-cjk), as outlines a PDF can embed.
 * Noto CJK ships as a collection of CFF-flavoured OpenType faces, which PDFBox 3 can
 * neither subset nor embed whole; {@link PdfText} therefore embeds the outlines of the
 * glyphs a document uses as a Type 3 font. The faces of one collection share their glyphs
 * and differ by their character maps: the Simplified Chinese face answers first, the
 * others supply rare characters it does not map (𠀋 is in the Japanese map only).
 */
@Component
public class CjkFont {

	private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

	private static final String NOT_DRAWABLE = "character-not-drawable";

	/** Simplified Chinese first: the zone's own writing. */
	private static final List<String> FACES = List.of("NotoSansCJKsc-Regular", "NotoSansCJKtc-Regular",
			"NotoSansCJKhk-Regular", "NotoSansCJKjp-Regular", "NotoSansCJKkr-Regular");

	private static final List<Path> KNOWN_PATHS = List.of(
			Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
			Path.of("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
			Path.of("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"));

	private final DocumentProperties properties;

	/**
	 * Outlines already made, kept across documents; bounded, as typed text may use any of
	 * the font's 65,000 glyphs.
	 */
	private final Cache<Integer, Glyph> glyphs = Caffeine.newBuilder().maximumSize(20_000).build();

	private volatile List<TrueTypeFont> faces;

	CjkFont(DocumentProperties properties) {
		this.properties = properties;
	}

	/**
	 * One glyph as PDF path operators in a 1000-unit em (y up), with its advance width.
	 *
	 * @param codePoint the character
	 * @param outline path operators ending in a fill, empty for a space
	 * @param advance advance width in 1/1000 em
	 */
	public record Glyph(int codePoint, String outline, float advance) {
	}

	/**
	 * The glyph for a character, or a 422 naming the character when no face of the font
	 * has it: text is never drawn with a gap.
	 */
	public Glyph glyph(int codePoint) {
		Glyph glyph = this.glyphs.get(codePoint, this::load);
		if (glyph == null) {
			throw notDrawable(codePoint, null);
		}
		return glyph;
	}

	/**
	 * Refuses, before a document is drawn, a property whose text holds a character no
	 * face has, naming the property so that the sender knows what to change.
	 * @param text the property's value, or null when it has none
	 * @throws ApiProblem 422 naming the property, the character and its code point
	 */
	public void requireDrawable(String property, String text) {
		if (text == null) {
			return;
		}
		text.codePoints()
			.filter((codePoint) -> this.glyphs.get(codePoint, this::load) == null)
			.findFirst()
			.ifPresent((codePoint) -> {
				throw notDrawable(codePoint, property);
			});
	}

	/** The refusal of a character; property names where it was sent, or is null. */
	private static ApiProblem notDrawable(int codePoint, String property) {
		String character = new String(Character.toChars(codePoint));
		String code = "U+%04X".formatted(codePoint);
		ApiProblem problem = (property == null)
				? ApiProblem.unprocessable(NOT_DRAWABLE, "document.font.character", character, code)
				: ApiProblem.unprocessable(NOT_DRAWABLE, "document.font.property", character, code, property)
					.with("property", property);
		return problem.with("character", character).with("codePoint", code);
	}

	/** Throws the missing-font problem now rather than halfway through a document. */
	public void requireInstalled() {
		faces();
	}

	private synchronized Glyph load(int codePoint) {
		try {
			for (TrueTypeFont face : faces()) {
				int gid = face.getUnicodeCmapLookup().getGlyphId(codePoint);
				if (gid > 0) {
					return new Glyph(codePoint, outline((OpenTypeFont) face, gid),
							face.getAdvanceWidth(gid) * 1000f / face.getUnitsPerEm());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Not cached: the caller refuses the text.
		return null;
	}

	private static String outline(OpenTypeFont face, int gid) throws IOException {
		CFFFont cff = face.getCFF().getFont();
		int selector = (cff instanceof CFFCIDFont) ? cff.getCharset().getCIDForGID(gid) : gid;
		float scale = 1000f / face.getUnitsPerEm();
		StringBuilder ops = new StringBuilder();
		PathIterator path = cff.getType2CharString(selector).getPath().getPathIterator(null);
		float[] c = new float[6];
		while (!path.isDone()) {
			switch (path.currentSegment(c)) {
				case PathIterator.SEG_MOVETO -> operator(ops, "m", scale, c[0], c[1]);
				case PathIterator.SEG_LINETO -> operator(ops, "l", scale, c[0], c[1]);
				case PathIterator.SEG_QUADTO -> operator(ops, "c", scale, c[0], c[1], c[2], c[3], c[2], c[3]);
				case PathIterator.SEG_CUBICTO -> operator(ops, "c", scale, c[0], c[1], c[2], c[3], c[4], c[5]);
				default -> ops.append("h\n");
			}
			path.next();
		}
		return ops.isEmpty() ? "" : ops.append("f\n").toString();
	}

	/**
	 * Appends one path operator with its operands, scaled to glyph space, in PDF syntax.
	 */
	private static void operator(StringBuilder ops, String name, float scale, float... operands) {
		for (float operand : operands) {
			ops.append(n(operand * scale)).append(' ');
		}
		ops.append(name).append('\n');
	}

	private static String n(float value) {
		return (value == Math.rint(value)) ? Integer.toString((int) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private List<TrueTypeFont> faces() {
		List<TrueTypeFont> loaded = this.faces;
		if (loaded == null) {
			synchronized (this) {
				if (this.faces == null) {
					this.faces = open();
				}
				loaded = this.faces;
			}
		}
		return loaded;
	}

	private List<TrueTypeFont> open() {
		Path file = locate().orElseThrow(
				() -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "cjk-font-missing", "document.font.missing",
						this.properties.cjkFont().isEmpty() ? "fonts-noto-cjk" : this.properties.cjkFont()));
		try {
			List<TrueTypeFont> found = new ArrayList<>();
			if (file.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
				// The collection stays open for the life of the service: glyphs are read
				// on demand.
				TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
				for (String name : FACES) {
					TrueTypeFont face = collection.getFontByName(name);
					if (face instanceof OpenTypeFont otf && otf.isPostScript()) {
						found.add(face);
					}
				}
			}
			else {
				TrueTypeFont face = new org.apache.fontbox.ttf.OTFParser()
					.parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file.toFile()));
				if (face instanceof OpenTypeFont otf && otf.isPostScript()) {
					found.add(face);
				}
			}
			if (found.isEmpty()) {
				throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "cjk-font-missing", "document.font.missing",
						file.toString());
			}
			log.info("Drawing Chinese with {} ({} faces)", file, found.size());
			return List.copyOf(found);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The configured file, else what fontconfig answers for Noto Sans CJK SC, else
	 * Debian's path.
	 */
	private Optional<Path> locate() {
		if (!this.properties.cjkFont().isEmpty()) {
			Path configured = Path.of(this.properties.cjkFont());
			return Files.isReadable(configured) ? Optional.of(configured) : Optional.empty();
		}
		return fcMatch().or(() -> KNOWN_PATHS.stream().filter(Files::isReadable).findFirst());
	}

	private static Optional<Path> fcMatch() {
		try {
			Process process = new ProcessBuilder("fc-match", "-f", "%{file}", "Noto Sans CJK SC:style=Regular")
				.redirectErrorStream(true)
				.start();
			String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
				return Optional.empty();
			}
			// fontconfig falls back to any font; only a Noto CJK file will do.
			Path file = Path.of(answer);
			return (answer.contains("NotoSansCJK") && new File(answer).canRead()) ? Optional.of(file)
					: Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
