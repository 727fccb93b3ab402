package cn.zonegis.document;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import cn.zonegis.io.GaussKruger;
import cn.zonegis.land.ParcelPlans.Neighbour;
import cn.zonegis.land.ParcelView;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Lays out the red-line drawing (用地红线图) after the bureau's parcel maps (TD/T 1008, GB/T
 * 42547 appendix L): the map page (boundary in red with its points, neighbours, roads,
 * grid, north arrow, scale) with the parcel's facts, then the boundary-point table
 * (界址点坐标表), {@value #POINTS_PER_PAGE} points a page.
 */
final class RedLinePdf {

	static final int POINTS_PER_PAGE = 25;

	/** Round scales, largest first: the drawing takes the largest one that fits. */
	static final int[] SCALES = { 500, 1000, 2000, 5000, 10000, 25000, 50000 };

	private static final float MARGIN = 15;

	/** Least room between 地块编号 and 图号 side by side on one line, in mm. */
	private static final float HEADER_GAP = 10;

	private final CjkFont cjk;

	/** The zone's own time zone: the date printed is the zone's day. */
	private final ZoneId zone;

	RedLinePdf(CjkFont cjk, ZoneId zone) {
		this.cjk = cjk;
		this.zone = zone;
	}

	/** The layout a parcel of this plane extent gets: paper, frame and scale. */
	static MapFrame frameFor(Envelope parcel) {
		Coordinate centre = parcel.centre();
		for (int scale : SCALES) {
			for (PDRectangle paper : List.of(PdfCanvas.A4, PdfCanvas.A3)) {
				MapFrame frame = frame(paper, scale, centre);
				Envelope wanted = new Envelope(parcel);
				// Room around the parcel for the neighbours and the point labels.
				wanted.expandBy(8.0 * scale / 1000);
				if (frame.shows(wanted)) {
					return frame;
				}
			}
		}
		return frame(PdfCanvas.A3, SCALES[SCALES.length - 1], centre);
	}

	private static MapFrame frame(PDRectangle paper, int scale, Coordinate centre) {
		float width = paper.getWidth() / PdfCanvas.PT_PER_MM - 2 * MARGIN;
		float height = (paper == PdfCanvas.A4) ? 150 : 250;
		float top = paper.getHeight() / PdfCanvas.PT_PER_MM - 32;
		return new MapFrame(MARGIN, top - height, width, height, scale, centre.x, centre.y);
	}

	static PDRectangle paperOf(MapFrame frame) {
		return (frame.heightMm() == 150) ? PdfCanvas.A4 : PdfCanvas.A3;
	}

	byte[] draw(RedLineSheet sheet, MapFrame frame) {
		requireDrawable(sheet.plan().view().properties());
		Geometry boundary = sheet.plan().boundary();
		List<BoundaryPoints.Point> points = BoundaryPoints.of(boundary);
		int pages = 1 + (points.size() + POINTS_PER_PAGE - 1) / POINTS_PER_PAGE;
		PDRectangle paper = paperOf(frame);
		try (PdfCanvas canvas = new PdfCanvas(this.cjk)) {
			canvas.newPage(paper);
			mapPage(canvas, sheet, frame, points, paper, pages);
			for (int page = 2; page <= pages; page++) {
				canvas.newPage(paper);
				tablePage(canvas, sheet, points.subList((page - 2) * POINTS_PER_PAGE,
						Math.min(points.size(), (page - 1) * POINTS_PER_PAGE)), paper, page, pages);
			}
			ParcelView.Properties p = sheet.plan().view().properties();
			return canvas.save("用地红线图 " + p.code(), sheet.issuedAt(), this.zone,
					sheet.drawingNumber() + "|" + sheet.issuedAt() + "|" + p.version());
		}
	}

	/**
	 * Refuses the parcel's own texts the drawing prints by property name, so that a
	 * planner knows which one to change.
	 */
	private void requireDrawable(ParcelView.Properties p) {
		this.cjk.requireDrawable("code", p.code());
		this.cjk.requireDrawable("name", p.name());
		this.cjk.requireDrawable("land_use", p.landUse());
		this.cjk.requireDrawable("land_class_code", p.landClassCode());
		this.cjk.requireDrawable("holder", p.holder());
	}

	private void mapPage(PdfCanvas canvas, RedLineSheet sheet, MapFrame frame, List<BoundaryPoints.Point> points,
			PDRectangle paper, int pages) {
		float pageWidth = paper.getWidth() / PdfCanvas.PT_PER_MM;
		float pageHeight = paper.getHeight() / PdfCanvas.PT_PER_MM;
		canvas.fill(0, 0, 0);
		canvas.textCentred(sheet.issued() ? "用地红线图" : "用地红线图（预览，未出具）", pageWidth / 2, pageHeight - 20, 18);
		header(canvas, sheet, pageWidth, pageHeight);

		canvas.grid(frame, 50.0 * frame.scale() / 1000);
		canvas.clip(frame);
		canvas.stroke(0.45f, 0.45f, 0.45f, 0.6f);
		for (RedLineSheet.Road road : sheet.roads()) {
			canvas.geometry(frame, road.line(), false);
		}
		canvas.stroke(0.5f, 0.5f, 0.5f, 0.25f);
		for (Neighbour neighbour : sheet.neighbours()) {
			canvas.geometry(frame, neighbour.boundary(), false);
		}
		canvas.fill(0.3f, 0.3f, 0.3f);
		for (RedLineSheet.Road road : sheet.roads()) {
			if (road.name() != null && !road.name().isBlank()) {
				Coordinate at = middleOf(road.line(), frame);
				float[] xy = frame.toPage(at);
				canvas.textCentred(road.name(), xy[0], xy[1] + 1, 7);
			}
		}
		for (Neighbour neighbour : sheet.neighbours()) {
			Geometry inFrame = neighbour.boundary().intersection(envelopeGeometry(frame, neighbour.boundary()));
			if (!inFrame.isEmpty()) {
				float[] xy = frame.toPage(inFrame.getInteriorPoint().getCoordinate());
				canvas.textCentred(neighbour.code(), xy[0], xy[1], 7);
			}
		}
		canvas.stroke(1, 0, 0, 0.5f);
		canvas.geometry(frame, sheet.plan().boundary(), false);
		Coordinate centre = sheet.plan().boundary().getCentroid().getCoordinate();
		canvas.stroke(1, 0, 0, 0.2f);
		canvas.fill(0.8f, 0, 0);
		for (BoundaryPoints.Point point : points) {
			float[] xy = frame.toPage(new Coordinate(point.easting(), point.northing()));
			canvas.circle(xy[0], xy[1], 0.7f);
			double dx = point.easting() - centre.x;
			double dy = point.northing() - centre.y;
			double length = Math.max(Math.hypot(dx, dy), 1e-9);
			canvas.textCentred(point.name(), xy[0] + (float) (dx / length * 3.5),
					xy[1] + (float) (dy / length * 3.5) - 1, 7);
		}
		canvas.unclip();
		canvas.stroke(0, 0, 0, 0.3f);
		canvas.fill(0, 0, 0);
		canvas.rect(frame.xMm(), frame.yMm(), frame.widthMm(), frame.heightMm());
		canvas.northArrow(frame.xMm() + frame.widthMm() - 8, frame.yMm() + frame.heightMm() - 8);
		canvas.scaleBar(frame.xMm() + 4, frame.yMm() + 4, frame.scale());
		canvas.textCentred("比例尺 1:" + frame.scale(), pageWidth / 2, frame.yMm() - 10, 10);
		facts(canvas, sheet, points, frame.yMm() - 17, pageWidth, pages);
	}

	private void facts(PdfCanvas canvas, RedLineSheet sheet, List<BoundaryPoints.Point> points, float top,
			float pageWidth, int pages) {
		ParcelView.Properties p = sheet.plan().view().properties();
		float width = pageWidth - 2 * MARGIN;
		float leading = 5;
		float size = 9;
		float y = top;
		y = canvas.paragraph("地块名称：" + text(p.name()), MARGIN, y, width, size, leading);
		y = canvas.paragraph("用地性质：" + text(p.landUse()) + "　　地类编码：" + text(p.landClassCode()), MARGIN, y, width, size,
				leading);
		y = canvas.paragraph("权利人：" + text(p.holder()), MARGIN, y, width, size, leading);
		y = canvas.paragraph("用地面积：" + fixed(p.areaM2(), 2) + " 平方米 = " + fixed(p.areaMu(), 4) + " 亩 = "
				+ fixed(p.areaHa(), 4) + " 公顷（高斯-克吕格投影平面面积）", MARGIN, y, width, size, leading);
		y = canvas.paragraph("坐标系：" + crsStatement(sheet.plan().srid()), MARGIN, y, width, size, leading);
		y = canvas.paragraph("界址点：" + points.size() + " 个，坐标见界址点坐标表（第 2" + ((pages > 2) ? "–" + pages : "")
				+ " 页）；X 为北坐标，Y 为东坐标，单位米", MARGIN, y, width, size, leading);
		y = canvas.paragraph("地块版本：第 " + p.version() + " 版", MARGIN, y, width, size, leading);
		y = canvas.paragraph("出图单位：" + text(sheet.office()), MARGIN, y, width, size, leading);
		y = canvas.paragraph("出图日期：" + date(sheet), MARGIN, y, width, size, leading);
		canvas.text("制图：" + text(sheet.drafter()), MARGIN, y, size);
		canvas.text("审核：", MARGIN + width / 2, y, size);
		canvas.stroke(0, 0, 0, 0.2f);
		canvas.line(MARGIN + width / 2 + 10, y - 1, MARGIN + width - 10, y - 1);
		footer(canvas, pageWidth, 1, pages);
	}

	private void tablePage(PdfCanvas canvas, RedLineSheet sheet, List<BoundaryPoints.Point> points, PDRectangle paper,
			int page, int pages) {
		float pageWidth = paper.getWidth() / PdfCanvas.PT_PER_MM;
		float pageHeight = paper.getHeight() / PdfCanvas.PT_PER_MM;
		canvas.fill(0, 0, 0);
		canvas.textCentred("界址点坐标表", pageWidth / 2, pageHeight - 20, 16);
		header(canvas, sheet, pageWidth, pageHeight);
		float[] columns = { MARGIN, MARGIN + 25, MARGIN + 45, MARGIN + 95, MARGIN + 145 };
		float right = pageWidth - MARGIN;
		float rowHeight = 8;
		float y = pageHeight - 36;
		canvas.stroke(0, 0, 0, 0.2f);
		String[] headings = { "点号", "圈号", "X（北坐标）/米", "Y（东坐标）/米", "边长/米" };
		rowLine(canvas, y, right);
		for (int c = 0; c < headings.length; c++) {
			canvas.text(headings[c], columns[c] + 2, y - 5.5f, 9);
		}
		y -= rowHeight;
		rowLine(canvas, y, right);
		for (BoundaryPoints.Point point : points) {
			String[] cells = { point.name(), Integer.toString(point.ring()), fixed(point.northing(), 3),
					fixed(point.easting(), 3), fixed(point.edgeM(), 2) };
			for (int c = 0; c < cells.length; c++) {
				canvas.text(cells[c], columns[c] + 2, y - 5.5f, 9);
			}
			y -= rowHeight;
			rowLine(canvas, y, right);
		}
		float top = pageHeight - 36;
		for (float x : columns) {
			canvas.line(x, top, x, y);
		}
		canvas.line(right, top, right, y);
		canvas.text("边长为本点至同圈下一点的平面距离；坐标系：" + crsStatement(sheet.plan().srid()), MARGIN, y - 6, 7);
		footer(canvas, pageWidth, page, pages);
	}

	/**
	 * 地块编号 at the left and 图号 at the right of the line under the title; when the two do
	 * not fit side by side, each takes a line of the page's width of its own, shrunk to
	 * fit it: a long code neither overprints the other nor runs off the page.
	 */
	private static void header(PdfCanvas canvas, RedLineSheet sheet, float pageWidth, float pageHeight) {
		String code = "地块编号：" + sheet.plan().view().properties().code();
		String number = "图号：" + sheet.drawingNumber();
		float width = pageWidth - 2 * MARGIN;
		float size = 9;
		if (canvas.widthMm(code, size) + HEADER_GAP + canvas.widthMm(number, size) <= width) {
			canvas.text(code, MARGIN, pageHeight - 28, size);
			canvas.textRight(number, pageWidth - MARGIN, pageHeight - 28, size);
			return;
		}
		// Between the title's descent (~21 mm down) and the map frame (32 mm down).
		canvas.text(code, MARGIN, pageHeight - 24.8f, canvas.sizeToFit(code, width, size));
		canvas.text(number, MARGIN, pageHeight - 29, canvas.sizeToFit(number, width, size));
	}

	private static void rowLine(PdfCanvas canvas, float y, float right) {
		canvas.line(MARGIN, y, right, y);
	}

	private static void footer(PdfCanvas canvas, float pageWidth, int page, int pages) {
		canvas.textCentred("第 " + page + " 页 共 " + pages + " 页", pageWidth / 2, 8, 8);
	}

	/** 2000国家大地坐标系, 3° zone, central meridian and whether eastings carry the zone. */
	static String crsStatement(int srid) {
		return GaussKruger.ofSrid(srid)
			.map((gk) -> "2000国家大地坐标系，高斯-克吕格投影，" + gk.zoneWidth() + "°带，中央子午线 " + (int) gk.centralMeridian() + "°E，第 "
					+ gk.zone() + " 带，" + (gk.prefixed() ? "Y 坐标含带号" : "Y 坐标不含带号") + "（EPSG:" + srid + "）")
			.orElse("EPSG:" + srid);
	}

	private String date(RedLineSheet sheet) {
		return DateTimeFormatter.ofPattern("yyyy年M月d日").format(sheet.issuedAt().atZone(this.zone));
	}

	static String fixed(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? "—" : value;
	}

	/** The middle of a road's longest part, kept inside the frame where it crosses it. */
	private static Coordinate middleOf(Geometry road, MapFrame frame) {
		Geometry visible = road.intersection(envelopeGeometry(frame, road));
		Geometry longest = visible;
		double length = -1;
		for (int i = 0; i < visible.getNumGeometries(); i++) {
			if (visible.getGeometryN(i).getLength() > length) {
				longest = visible.getGeometryN(i);
				length = longest.getLength();
			}
		}
		if (longest instanceof LineString line && !line.isEmpty()) {
			return new org.locationtech.jts.linearref.LengthIndexedLine(line).extractPoint(line.getLength() / 2);
		}
		return road.getCentroid().getCoordinate();
	}

	private static Geometry envelopeGeometry(MapFrame frame, Geometry any) {
		return any.getFactory().toGeometry(frame.extent());
	}

}
