package cn.zonegis.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Shared drawing of ZoneGIS's PDF documents (the red-line drawing, the printed map):
 * pages in millimetres, text in the embedded CJK font, plane geometries through a map
 * frame, the north arrow and scale bar, and a save that gives the same bytes for the same
 * document.
 */
final class PdfCanvas implements AutoCloseable {

	static final float PT_PER_MM = 72f / 25.4f;

	static final PDRectangle A4 = PDRectangle.A4;

	static final PDRectangle A3 = PDRectangle.A3;

	final PDDocument document = new PDDocument();

	final PdfText text;

	private PDPageContentStream content;

	PdfCanvas(CjkFont cjk) {
		this.text = new PdfText(this.document, cjk);
	}

	/** Starts a new page and makes it the one drawn on. */
	PDPageContentStream newPage(PDRectangle size) {
		try {
			closePage();
			PDPage page = new PDPage(size);
			this.document.addPage(page);
			this.content = new PDPageContentStream(this.document, page);
			return this.content;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	PDPageContentStream content() {
		return this.content;
	}

	/** Text with its baseline at (x, y) mm. */
	void text(String value, float xMm, float yMm, float size) {
		this.text.show(this.content, value, xMm * PT_PER_MM, yMm * PT_PER_MM, size);
	}

	void textCentred(String value, float xMm, float yMm, float size) {
		text(value, xMm - widthMm(value, size) / 2, yMm, size);
	}

	void textRight(String value, float xMm, float yMm, float size) {
		text(value, xMm - widthMm(value, size), yMm, size);
	}

	/** The width of the text at this size, in mm. */
	float widthMm(String value, float size) {
		return this.text.width(value, size) / PT_PER_MM;
	}

	/**
	 * The size at which the text fits the width: the size given, or for a text too long
	 * for its box the largest tenth of a point below it at which it fits, so that it
	 * neither runs into its neighbour nor off the page.
	 */
	float sizeToFit(String value, float widthMm, float size) {
		float width = widthMm(value, size);
		return (width <= widthMm) ? size : (float) Math.floor(size * widthMm / width * 10) / 10;
	}

	/** Text wrapped to a width; returns the baseline below the last line. */
	float paragraph(String value, float xMm, float yMm, float widthMm, float size, float leadingMm) {
		float y = yMm;
		for (String line : this.text.wrap(value, size, widthMm * PT_PER_MM)) {
			text(line, xMm, y, size);
			y -= leadingMm;
		}
		return y;
	}

	void line(float x1Mm, float y1Mm, float x2Mm, float y2Mm) {
		try {
			this.content.moveTo(x1Mm * PT_PER_MM, y1Mm * PT_PER_MM);
			this.content.lineTo(x2Mm * PT_PER_MM, y2Mm * PT_PER_MM);
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void rect(float xMm, float yMm, float wMm, float hMm) {
		try {
			this.content.addRect(xMm * PT_PER_MM, yMm * PT_PER_MM, wMm * PT_PER_MM, hMm * PT_PER_MM);
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void stroke(float r, float g, float b, float widthMm) {
		try {
			this.content.setStrokingColor(r, g, b);
			this.content.setLineWidth(widthMm * PT_PER_MM);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void fill(float r, float g, float b) {
		try {
			this.content.setNonStrokingColor(r, g, b);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Draws a plane geometry (polygons, lines or points) through the frame; rings and
	 * lines are stroked, points get a small circle.
	 */
	void geometry(MapFrame frame, Geometry geometry, boolean fillPolygons) {
		try {
			for (int i = 0; i < geometry.getNumGeometries(); i++) {
				Geometry part = geometry.getGeometryN(i);
				if (part instanceof Polygon polygon) {
					path(frame, polygon.getExteriorRing().getCoordinates(), true);
					for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
						path(frame, polygon.getInteriorRingN(h).getCoordinates(), true);
					}
					if (fillPolygons) {
						this.content.fillAndStrokeEvenOdd();
					}
					else {
						this.content.stroke();
					}
				}
				else if (part instanceof LineString line) {
					path(frame, line.getCoordinates(), false);
					this.content.stroke();
				}
				else if (!part.isEmpty()) {
					float[] at = frame.toPage(part.getCoordinate());
					circle(at[0], at[1], 0.8f);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A stroked circle of radius r mm centred at (x, y) mm. */
	void circle(float xMm, float yMm, float rMm) {
		try {
			float x = xMm * PT_PER_MM;
			float y = yMm * PT_PER_MM;
			float r = rMm * PT_PER_MM;
			float k = 0.5523f * r;
			this.content.moveTo(x + r, y);
			this.content.curveTo(x + r, y + k, x + k, y + r, x, y + r);
			this.content.curveTo(x - k, y + r, x - r, y + k, x - r, y);
			this.content.curveTo(x - r, y - k, x - k, y - r, x, y - r);
			this.content.curveTo(x + k, y - r, x + r, y - k, x + r, y);
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void path(MapFrame frame, Coordinate[] coordinates, boolean close) throws IOException {
		for (int i = 0; i < coordinates.length; i++) {
			float[] at = frame.toPage(coordinates[i]);
			if (i == 0) {
				this.content.moveTo(at[0] * PT_PER_MM, at[1] * PT_PER_MM);
			}
			else {
				this.content.lineTo(at[0] * PT_PER_MM, at[1] * PT_PER_MM);
			}
		}
		if (close) {
			this.content.closePath();
		}
	}

	/** Limits drawing to the frame until {@link #unclip()}. */
	void clip(MapFrame frame) {
		try {
			this.content.saveGraphicsState();
			this.content.addRect(frame.xMm() * PT_PER_MM, frame.yMm() * PT_PER_MM, frame.widthMm() * PT_PER_MM,
					frame.heightMm() * PT_PER_MM);
			this.content.clip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void unclip() {
		try {
			this.content.restoreGraphicsState();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A north arrow with its tip at (x, y) mm. */
	void northArrow(float xMm, float yMm) {
		try {
			stroke(0, 0, 0, 0.2f);
			fill(0, 0, 0);
			this.content.moveTo(xMm * PT_PER_MM, yMm * PT_PER_MM);
			this.content.lineTo((xMm - 3) * PT_PER_MM, (yMm - 12) * PT_PER_MM);
			this.content.lineTo(xMm * PT_PER_MM, (yMm - 9) * PT_PER_MM);
			this.content.closePath();
			this.content.fillAndStroke();
			this.content.moveTo(xMm * PT_PER_MM, yMm * PT_PER_MM);
			this.content.lineTo((xMm + 3) * PT_PER_MM, (yMm - 12) * PT_PER_MM);
			this.content.lineTo(xMm * PT_PER_MM, (yMm - 9) * PT_PER_MM);
			this.content.closePath();
			this.content.stroke();
			textCentred("北", xMm, yMm + 1.5f, 9);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A scale bar of four 1 cm segments from (x, y) mm, labelled in metres at the scale.
	 */
	void scaleBar(float xMm, float yMm, int scale) {
		try {
			stroke(0, 0, 0, 0.2f);
			for (int i = 0; i < 4; i++) {
				fill((i % 2 == 0) ? 0 : 1, (i % 2 == 0) ? 0 : 1, (i % 2 == 0) ? 0 : 1);
				this.content.addRect((xMm + 10 * i) * PT_PER_MM, yMm * PT_PER_MM, 10 * PT_PER_MM, 1.5f * PT_PER_MM);
				this.content.fillAndStroke();
			}
			fill(0, 0, 0);
			for (int i = 0; i <= 4; i += 2) {
				textCentred(metres(i * scale / 100.0), xMm + 10 * i, yMm + 2.5f, 7);
			}
			text("米", xMm + 42, yMm, 7);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The plane coordinate grid of the frame every spacing metres, in light lines, with
	 * ticks labelled outside the frame: northings (X) on the left, eastings (Y) below.
	 */
	void grid(MapFrame frame, double spacingM) {
		org.locationtech.jts.geom.Envelope extent = frame.extent();
		stroke(0.6f, 0.6f, 0.6f, 0.1f);
		fill(0.3f, 0.3f, 0.3f);
		for (double e = Math.ceil(extent.getMinX() / spacingM) * spacingM; e <= extent.getMaxX(); e += spacingM) {
			float x = frame.toPage(new Coordinate(e, frame.centreNorthing()))[0];
			line(x, frame.yMm(), x, frame.yMm() + frame.heightMm());
			line(x, frame.yMm(), x, frame.yMm() - 1.5f);
			textCentred("Y=" + metres(e), x, frame.yMm() - 4.5f, 6);
		}
		for (double n = Math.ceil(extent.getMinY() / spacingM) * spacingM; n <= extent.getMaxY(); n += spacingM) {
			float y = frame.toPage(new Coordinate(frame.centreEasting(), n))[1];
			line(frame.xMm(), y, frame.xMm() + frame.widthMm(), y);
			line(frame.xMm(), y, frame.xMm() - 1.5f, y);
			try {
				this.content.saveGraphicsState();
				this.content.transform(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.PI / 2,
						(frame.xMm() - 2) * PT_PER_MM, y * PT_PER_MM));
				String label = "X=" + metres(n);
				this.text.show(this.content, label, -this.text.width(label, 6) / 2, 0, 6);
				this.content.restoreGraphicsState();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	static String metres(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	/**
	 * Closes the document with fixed dates and identifier derived from the key, so the
	 * same document saved twice gives the same bytes.
	 */
	byte[] save(String title, Instant at, ZoneId zone, String key) {
		try {
			closePage();
			PDDocumentInformation info = this.document.getDocumentInformation();
			info.setTitle(title);
			info.setProducer("ZoneGIS");
			Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
			calendar.setTimeInMillis(at.toEpochMilli());
			info.setCreationDate(calendar);
			info.setModificationDate(calendar);
			byte[] id = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)),
					16);
			COSArray ids = new COSArray();
			ids.add(new COSString(id));
			ids.add(new COSString(id));
			this.document.getDocument().getTrailer().setItem(COSName.ID, ids);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			this.document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void closePage() throws IOException {
		if (this.content != null) {
			this.content.close();
			this.content = null;
		}
	}

	@Override
	public void close() {
		try {
			closePage();
			this.document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
