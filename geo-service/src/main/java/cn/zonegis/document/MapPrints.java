package cn.zonegis.document;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.SridSql;
import cn.zonegis.geo.Wkb;
import cn.zonegis.geo.ZoneTime;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.CollectionRegistry;
import cn.zonegis.ogc.FeatureRepository.PlaneShape;
import cn.zonegis.ogc.FeatureRepository;
import cn.zonegis.security.AuditLog;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prints the map (a lon/lat box, or a centre at a chosen scale) as a vector PDF on A4
 * landscape, in the measuring plane: the features of the visible layers, a title, the
 * legend of those layers, the plane grid, scale bar, north arrow, date and the user's
 * name.
 */
@Service
public class MapPrints {

	/**
	 * Round scales, largest first: a print without a scale takes the largest that fits.
	 */
	private static final int[] SCALES = { 500, 1000, 2000, 5000, 10000, 25000, 50000, 100000 };

	/** Features drawn per layer at most; the legend says when a layer had more. */
	private static final int MAX_FEATURES = 5000;

	private static final String PLANE_BOX = SridSql.storage("""
			SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
			FROM ST_Transform(ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, {storageSrid}), :srid) b
			""");

	private static final float[][] PALETTE = { { 0.85f, 0.1f, 0.1f }, { 0.1f, 0.35f, 0.8f }, { 0.2f, 0.6f, 0.2f },
			{ 0.55f, 0.3f, 0.7f }, { 0.9f, 0.5f, 0.0f }, { 0.4f, 0.4f, 0.4f }, { 0.0f, 0.6f, 0.6f },
			{ 0.6f, 0.4f, 0.2f } };

	private final CollectionRegistry collections;

	private final FeatureRepository features;

	private final JdbcClient jdbc;

	private final GeoProperties geo;

	private final ZoneTime zoneTime;

	private final CjkFont cjk;

	MapPrints(CollectionRegistry collections, FeatureRepository features, JdbcClient jdbc, GeoProperties geo,
			ZoneTime zoneTime, CjkFont cjk) {
		this.collections = collections;
		this.features = features;
		this.jdbc = jdbc;
		this.geo = geo;
		this.zoneTime = zoneTime;
		this.cjk = cjk;
	}

	/**
	 * @param bbox what to show (lon/lat)
	 * @param layers the visible layers, bottom first
	 * @param title the print's title
	 * @param scale a round scale denominator, or null to fit the box
	 * @param english legend and labels in English
	 */
	@Transactional(readOnly = true)
	public byte[] print(BBox bbox, List<String> layers, String title, Integer scale, boolean english) {
		List<CollectionDef> defs = layers.stream().map(this.collections::get).toList();
		Envelope box = this.jdbc.sql(PLANE_BOX)
			.param("minLon", bbox.minLon())
			.param("minLat", bbox.minLat())
			.param("maxLon", bbox.maxLon())
			.param("maxLat", bbox.maxLat())
			.param("srid", this.geo.measureSrid())
			.query((rs, i) -> new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)))
			.single();
		MapFrame frame = frame(box, scale);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		try (PdfCanvas canvas = new PdfCanvas(this.cjk)) {
			PDRectangle page = new PDRectangle(PdfCanvas.A4.getHeight(), PdfCanvas.A4.getWidth());
			canvas.newPage(page);
			canvas.fill(0, 0, 0);
			canvas.paragraph(title, 15, 200, 267, 14, 6);
			canvas.grid(frame, 50.0 * frame.scale() / 1000);
			List<String> legend = new ArrayList<>();
			canvas.clip(frame);
			for (int i = 0; i < defs.size(); i++) {
				CollectionDef def = defs.get(i);
				List<PlaneShape> shapes = this.features.planeShapes(def, frame.box(), this.geo.measureSrid(),
						MAX_FEATURES + 1);
				float[] colour = PALETTE[i % PALETTE.length];
				canvas.stroke(colour[0], colour[1], colour[2], def.geometryType().contains("Polygon") ? 0.3f : 0.4f);
				for (PlaneShape shape : shapes.subList(0, Math.min(shapes.size(), MAX_FEATURES))) {
					canvas.geometry(frame, Wkb.read(shape.wkb()), false);
				}
				String name = english ? def.titleEn() : def.titleZh();
				legend.add(name + (english ? " (" : "（")
						+ ((shapes.size() > MAX_FEATURES)
								? (english ? "first " + MAX_FEATURES : "前 " + MAX_FEATURES + " 个") : shapes.size())
						+ (english ? ")" : "）"));
			}
			canvas.unclip();
			canvas.stroke(0, 0, 0, 0.3f);
			canvas.rect(frame.xMm(), frame.yMm(), frame.widthMm(), frame.heightMm());
			canvas.northArrow(frame.xMm() + frame.widthMm() - 8, frame.yMm() + frame.heightMm() - 8);
			canvas.scaleBar(frame.xMm() + 4, frame.yMm() + 4, frame.scale());
			float x = frame.xMm() + frame.widthMm() + 8;
			float y = frame.yMm() + frame.heightMm() - 4;
			canvas.fill(0, 0, 0);
			canvas.text(english ? "Legend" : "图例", x, y, 11);
			for (int i = 0; i < legend.size(); i++) {
				y -= 7;
				float[] colour = PALETTE[i % PALETTE.length];
				canvas.stroke(colour[0], colour[1], colour[2], 0.8f);
				canvas.line(x, y + 1.2f, x + 6, y + 1.2f);
				canvas.fill(0, 0, 0);
				y = canvas.paragraph(legend.get(i), x + 8, y, 50, 8, 4) + 4;
			}
			String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(now.atZone(this.zoneTime.zone()));
			String user = AuditLog.currentUsername();
			canvas.text((english ? "Scale 1:" : "比例尺 1:") + frame.scale() + "    "
					+ RedLinePdf.crsStatement(this.geo.measureSrid()), 15, 12, 8);
			canvas.text((english ? "Printed " + date + " by " : "打印：" + date + "  ") + user, 15, 7, 8);
			return canvas.save(title, now, this.zoneTime.zone(), title + "|" + now + "|" + user);
		}
	}

	private static MapFrame frame(Envelope box, Integer scale) {
		Coordinate centre = box.centre();
		if (scale != null) {
			return new MapFrame(15, 22, 200, 170, scale, centre.x, centre.y);
		}
		for (int candidate : SCALES) {
			MapFrame frame = new MapFrame(15, 22, 200, 170, candidate, centre.x, centre.y);
			if (frame.shows(box)) {
				return frame;
			}
		}
		throw ApiProblem.badRequest("invalid-parameter", "document.print.too-large", SCALES[SCALES.length - 1])
			.with("parameter", "bbox");
	}

	static void requireRoundScale(Integer scale) {
		if (scale != null && java.util.Arrays.stream(SCALES).noneMatch((s) -> s == scale)) {
			throw ApiProblem
				.badRequest("invalid-parameter", "document.print.scale", scale,
						java.util.Arrays.toString(SCALES).replaceAll("[\\[\\]]", ""))
				.with("parameter", "scale");
		}
	}

	static String defaultTitle(boolean english) {
		return english ? "Development zone map" : "开发区地图";
	}

}
