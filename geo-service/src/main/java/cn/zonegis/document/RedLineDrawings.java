package cn.zonegis.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.Wkb;
import cn.zonegis.geo.ZoneTime;
import cn.zonegis.land.ParcelLifecycle;
import cn.zonegis.land.ParcelMoved;
import cn.zonegis.land.ParcelPlans.ParcelPlan;
import cn.zonegis.land.ParcelPlans;
import cn.zonegis.ogc.CollectionRegistry;
import cn.zonegis.ogc.FeatureRepository;
import cn.zonegis.security.AuditLog;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The red-line drawing (用地红线图) of a parcel: drawn on demand as a preview, and issued with
 * the step to red_line_issued, when it is stored as issued (bytes, SHA-256, parcel
 * version, who, when) and from then on served as stored.
 */
@Service
public class RedLineDrawings {

	/** The layer whose names the drawing writes along the roads. */
	private static final String ROADS = "roads";

	private static final int MAX_ROADS = 200;

	private final ParcelPlans plans;

	private final FeatureRepository features;

	private final CollectionRegistry collections;

	private final RedLineDrawingRepository drawings;

	private final RedLinePdf pdf;

	private final DocumentProperties properties;

	private final AuditLog audit;

	RedLineDrawings(ParcelPlans plans, FeatureRepository features, CollectionRegistry collections,
			RedLineDrawingRepository drawings, CjkFont cjk, ZoneTime zoneTime, DocumentProperties properties,
			AuditLog audit) {
		this.plans = plans;
		this.features = features;
		this.collections = collections;
		this.drawings = drawings;
		this.pdf = new RedLinePdf(cjk, zoneTime.zone());
		this.properties = properties;
		this.audit = audit;
	}

	/**
	 * The drawing of the parcel as it is now: the issued one when this version was
	 * issued, a preview otherwise.
	 */
	@Transactional(readOnly = true)
	public Drawing current(long parcelId) {
		ParcelPlan plan = drawable(parcelId);
		int version = plan.view().properties().version();
		return this.drawings.byVersion(parcelId, version)
			.map((issued) -> new Drawing(plan.view().properties().code(), issued.drawingNumber(),
					this.drawings.pdf(parcelId, issued.id()).orElseThrow()))
			.orElseGet(() -> {
				String number = drawingNumber(plan);
				return new Drawing(plan.view().properties().code(), number, draw(plan, number,
						Instant.now().truncatedTo(ChronoUnit.SECONDS), AuditLog.currentUsername(), false));
			});
	}

	/** Issues the drawing with the step to red_line_issued, in the step's transaction. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void issueOn(ParcelMoved moved) {
		if (moved.to() != ParcelLifecycle.RED_LINE_ISSUED) {
			return;
		}
		ParcelPlan plan = drawable(moved.parcelId());
		String number = drawingNumber(plan);
		byte[] bytes = draw(plan, number, moved.at(), moved.user(), true);
		String sha256 = sha256(bytes);
		long id = this.drawings.insert(moved.parcelId(), moved.version(), number, bytes, sha256,
				moved.at().atOffset(ZoneOffset.UTC), moved.user());
		this.audit.record("issue_red_line_drawing", "parcel", moved.parcelId(),
				JsonNodeFactory.instance.objectNode()
					.put("drawingId", id)
					.put("drawingNumber", number)
					.put("version", moved.version())
					.put("sha256", sha256)
					.toString());
	}

	/** The parcel's issued drawings, newest first. */
	@Transactional(readOnly = true)
	public List<IssuedDrawing> issued(long parcelId) {
		this.plans.plan(parcelId);
		return this.drawings.byParcel(parcelId);
	}

	/** The stored bytes of an issued drawing; 404 when the parcel has no such drawing. */
	@Transactional(readOnly = true)
	public byte[] issuedPdf(long parcelId, long drawingId) {
		return this.drawings.pdf(parcelId, drawingId)
			.orElseThrow(() -> ApiProblem.notFound("document.drawing.unknown", drawingId, parcelId));
	}

	/**
	 * Adds the newest issued drawing of each of these parcels to the zip, in folder,
	 * named by drawing number; parcels never issued have none.
	 * @return how many drawings were added
	 */
	@Transactional(readOnly = true)
	public int addIssued(Collection<Long> parcelIds, ZipOutputStream zip, String folder) {
		List<IssuedDrawing> issued = this.drawings.latestOf(parcelIds);
		try {
			for (IssuedDrawing drawing : issued) {
				zip.putNextEntry(new ZipEntry(folder + fileName(drawing.drawingNumber())));
				zip.write(this.drawings.pdf(drawing.parcelId(), drawing.id()).orElseThrow());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return issued.size();
	}

	/**
	 * A file name for a drawing: its number with anything but letters, digits, - and _
	 * replaced.
	 */
	public static String fileName(String drawingNumber) {
		return "红线图-" + drawingNumber.replaceAll("[^\\p{L}\\p{N}_-]", "_") + ".pdf";
	}

	/**
	 * A drawing to send.
	 *
	 * @param code the parcel's code
	 * @param drawingNumber 图号
	 * @param pdf the bytes
	 */
	public record Drawing(String code, String drawingNumber, byte[] pdf) {
	}

	/**
	 * Refuses parcels no drawing can be made of: ended ones and ones without a boundary.
	 */
	private ParcelPlan drawable(long parcelId) {
		ParcelPlan plan = this.plans.plan(parcelId);
		String status = plan.view().properties().status();
		ParcelLifecycle lifecycle = ParcelLifecycle.fromCode(status).orElseThrow();
		if (!lifecycle.isActive()) {
			throw ApiProblem
				.conflict("red-line-drawing-ended", "document.drawing.ended", plan.view().properties().code(),
						lifecycle.label())
				.with("status", status);
		}
		if (plan.boundary().isEmpty()) {
			throw ApiProblem
				.unprocessable("parcel-without-geometry", "document.drawing.no-geometry",
						plan.view().properties().code())
				.with("parcelId", parcelId);
		}
		return plan;
	}

	private byte[] draw(ParcelPlan plan, String number, Instant at, String drafter, boolean issued) {
		MapFrame frame = RedLinePdf.frameFor(plan.boundary().getEnvelopeInternal());
		List<RedLineSheet.Road> roads = this.features
			.planeShapes(this.collections.get(ROADS), frame.box(), plan.srid(), MAX_ROADS)
			.stream()
			.map((shape) -> new RedLineSheet.Road(shape.label(), Wkb.read(shape.wkb())))
			.toList();
		RedLineSheet sheet = new RedLineSheet(plan, this.plans.neighbours(plan.view().id(), frame.extent()), roads,
				number, at, drafter, this.properties.issuingOffice(), issued);
		return this.pdf.draw(sheet, frame);
	}

	/** 图号: the parcel's code and the version drawn. */
	private static String drawingNumber(ParcelPlan plan) {
		return plan.view().properties().code() + "-" + plan.view().properties().version();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
