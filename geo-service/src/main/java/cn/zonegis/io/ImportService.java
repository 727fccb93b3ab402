package cn.zonegis.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.Area;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.io.ImportProgress.Stage;
import cn.zonegis.land.ParcelBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports parcels from a file. A dry run reports what would happen to each feature and
 * stores nothing; the real import stores every feature in one transaction or none,
 * refusing the whole file with the list of features at fault.
 */
@Service
public class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	/** The problem type of a write made against another version than the stored one. */
	private static final String STALE_VERSION = "stale-version";

	private final TxtSource txt;

	private final GdalSource gdal;

	private final ImportChecks checks;

	private final CrsRepository repository;

	private final ParcelBatches parcels;

	private final TransactionTemplate transaction;

	private final ImportProgress progress;

	private final ImportStaging staging;

	private final IoProperties properties;

	private final BBox extent;

	ImportService(TxtSource txt, GdalSource gdal, ImportChecks checks, CrsRepository repository, ParcelBatches parcels,
			PlatformTransactionManager transactions, ImportProgress progress, ImportStaging staging,
			IoProperties properties, GeoProperties geo) {
		this.txt = txt;
		this.gdal = gdal;
		this.checks = checks;
		this.repository = repository;
		this.parcels = parcels;
		this.transaction = new TransactionTemplate(transactions);
		this.progress = progress;
		this.staging = staging;
		this.properties = properties;
		this.extent = geo.extentBox();
	}

	@PreAuthorize("hasRole('PLANNER')")
	public ImportReport dryRun(byte[] file, String fileName, ImportRequest request) {
		SourceBatch batch = read(file, fileName, request);
		this.progress.report(request.progressId(), Stage.CHECKING, null, batch.features().size());
		List<ImportChecks.Planned> planned = this.checks.plan(batch);
		List<ImportReport.Item> items = previewItems(planned);
		return report(request, batch, true, planned, List.of(), items);
	}

	@PreAuthorize("hasRole('PLANNER')")
	public ImportReport commit(byte[] file, String fileName, ImportRequest request) {
		if (request.format() == FileFormat.TXT) {
			return commit(read(file, fileName, request), fileName, request);
		}
		return withUpload(file, fileName, request, (upload, work) -> {
			List<GdalSource.SourceLayer> layers = this.gdal.layers(upload, request, work);
			return commitStaged(layers, fileName, request, work)
				.orElseGet(() -> commit(this.gdal.read(layers, request, work), fileName, request));
		});
	}

	/**
	 * The import of features read in Java (TXT, or a file the staged path hands back).
	 */
	private ImportReport commit(SourceBatch batch, String fileName, ImportRequest request) {
		List<ParcelBatches.FileDraft> drafts = ImportChecks.drafts(batch);
		this.progress.report(request.progressId(), Stage.STORING, null, drafts.size());
		// One transaction from the code look-up to the audit entry: all or nothing. The
		// land rules check the whole file behind the red-line lock and store it only when
		// no feature is refused, so what they found still holds when the parcels are
		// written.
		Stored stored = this.transaction.execute((status) -> {
			if (batch.features().stream().anyMatch((f) -> !f.problems().isEmpty())) {
				refuseIfAny(this.checks.plan(batch));
			}
			ParcelBatches.Imported imported = this.parcels.importAll(drafts,
					auditDetail(request, fileName, batch.crs(), repaired(batch)));
			List<ImportChecks.Planned> planned = ImportChecks.planned(batch, drafts, imported.checks());
			refuseIfAny(planned);
			return new Stored(planned, imported.ids());
		});
		return report(request, batch, false, stored.planned(), stored.ids(), List.of());
	}

	/**
	 * A GDAL file imported without a feature passing through Java: GDAL's COPY rows go,
	 * as GDAL writes them, into a temporary table, the boundaries are checked there as a
	 * set and the land rules run on it, all in one transaction. Empty when any boundary
	 * is not plainly valid: the reader then reads the file and names each defect as a
	 * drawn boundary's would be.
	 */
	private Optional<ImportReport> commitStaged(List<GdalSource.SourceLayer> layers, String fileName,
			ImportRequest request, WorkDir work) {
		long total = GdalSource.SourceLayer.featuresOf(layers);
		String crs = GdalSource.SourceLayer.crsOf(layers);
		return this.transaction.execute((status) -> {
			int features = 0;
			try {
				this.staging.open();
				for (int n = 0; n < layers.size(); n++) {
					int layer = n;
					int first = features;
					features += this.gdal.copyRows(layers.get(n), request, work,
							(rows, srid) -> this.staging.stage(layer, rows, request.fields(), first, srid,
									(copied) -> this.progress.report(request.progressId(), Stage.READING, copied,
											(int) Math.max(total, copied))));
				}
				if (features == 0 || this.staging.anyNeedsReader(this.extent)
						|| this.gdal.anyFieldProblem(this.staging.sources(), request)) {
					status.setRollbackOnly();
					return Optional.empty();
				}
			}
			catch (DataAccessException ex) {
				// A boundary PostGIS will not even build (an unclosed ring, too few
				// points).
				log.debug("staged import hands the file to the reader: {}", ex.getMessage());
				status.setRollbackOnly();
				return Optional.empty();
			}
			this.properties.requireFeatureCount(features);
			this.progress.report(request.progressId(), Stage.STORING, null, features);
			this.parcels.openDrafts();
			this.staging.toDrafts();
			ParcelBatches.Imported imported = this.parcels.importLoaded(auditDetail(request, fileName, crs, List.of()));
			SourceBatch batch = new SourceBatch(crs, this.staging.features());
			List<ImportChecks.Planned> planned = ImportChecks.planned(batch, ImportChecks.drafts(batch),
					imported.checks());
			refuseIfAny(planned);
			return Optional.of(report(request, batch, false, planned, imported.ids(), List.of()));
		});
	}

	private record Stored(List<ImportChecks.Planned> planned, List<Long> ids) {
	}

	private SourceBatch read(byte[] file, String fileName, ImportRequest request) {
		if (request.format() == FileFormat.TXT) {
			checkName(fileName);
			this.progress.report(request.progressId(), Stage.CONVERTING, null, null);
			return this.txt.read(file, request);
		}
		return withUpload(file, fileName, request, (upload, work) -> this.gdal.read(upload, request, work));
	}

	/**
	 * Runs work on the upload saved as input.&lt;extension&gt; in a private folder,
	 * removed afterwards.
	 */
	private <T> T withUpload(byte[] file, String fileName, ImportRequest request, UploadWork<T> action) {
		checkName(fileName);
		this.progress.report(request.progressId(), Stage.CONVERTING, null, null);
		try (WorkDir work = WorkDir.create("import")) {
			Path upload = work.resolve("input." + request.format().extension());
			Files.write(upload, file);
			return action.run(upload, work);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private interface UploadWork<T> {

		T run(Path upload, WorkDir work);

	}

	private static void checkName(String fileName) {
		if (fileName != null) {
			ZipGuard.checkName(fileName);
		}
	}

	private static Map<String, Object> auditDetail(ImportRequest request, String fileName, String crs,
			List<ImportReport.Repaired> repaired) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("format", request.format().parameterName());
		detail.put("file", fileName);
		detail.put("crs", crs);
		detail.put("repaired", repaired);
		return detail;
	}

	private static void refuseIfAny(List<ImportChecks.Planned> planned) {
		List<Map<String, Object>> faults = new ArrayList<>();
		for (ImportChecks.Planned p : planned) {
			if (p.refused()) {
				Map<String, Object> fault = new LinkedHashMap<>();
				fault.put("index", p.feature().index());
				fault.put("code", p.feature().code());
				fault.put("problems", p.problems());
				faults.add(fault);
			}
		}
		if (!faults.isEmpty()) {
			// A file exported before someone else's edit is refused as a PUT of a stale
			// version is: the planner exports again rather than mending the file.
			boolean stale = planned.stream()
				.flatMap((p) -> p.problems().stream())
				.anyMatch((issue) -> STALE_VERSION.equals(issue.type()));
			throw new ApiProblem(stale ? HttpStatus.PRECONDITION_FAILED : HttpStatus.UNPROCESSABLE_CONTENT,
					"import-refused", "io.import.refused", faults.size(), planned.size())
				.with("features", faults);
		}
	}

	/** Each feature with its official area and boundary as PostGIS computes them. */
	private List<ImportReport.Item> previewItems(List<ImportChecks.Planned> planned) {
		List<CrsRepository.Preview> previews = this.repository
			.previews(planned.stream().map((p) -> p.feature().geometry()).toList());
		List<ImportReport.Item> items = new ArrayList<>(planned.size());
		for (int i = 0; i < planned.size(); i++) {
			ImportChecks.Planned p = planned.get(i);
			SourceFeature f = p.feature();
			CrsRepository.Preview preview = previews.get(i);
			Double areaM2 = (preview == null) ? null : round(preview.areaM2(), 2);
			Double areaMu = (preview == null) ? null : round(Area.toMu(preview.areaM2()), 4);
			items.add(new ImportReport.Item(f.index(), f.code(), f.name(), p.action(), areaM2, areaMu,
					(f.planeAreaM2() == null) ? null : round(f.planeAreaM2(), 3), f.surveyedAreaM2(), !p.refused(),
					p.problems(), f.warnings(), f.repairs(), (preview == null) ? null : preview.geometry()));
		}
		return items;
	}

	private static ImportReport report(ImportRequest request, SourceBatch batch, boolean dryRun,
			List<ImportChecks.Planned> planned, List<Long> ids, List<ImportReport.Item> items) {
		int refused = (int) planned.stream().filter(ImportChecks.Planned::refused).count();
		return new ImportReport(request.format().parameterName(), batch.crs(), dryRun, planned.size(),
				count(planned, ImportChecks.CREATE), count(planned, ImportChecks.UPDATE),
				count(planned, ImportChecks.UNCHANGED), refused, ids, items, repaired(batch));
	}

	private static int count(List<ImportChecks.Planned> planned, String action) {
		return (int) planned.stream().filter((p) -> action.equals(p.action())).count();
	}

	private static List<ImportReport.Repaired> repaired(SourceBatch batch) {
		return batch.features()
			.stream()
			.filter((f) -> !f.repairs().isEmpty())
			.map((f) -> new ImportReport.Repaired(f.index(), f.code(), f.repairs()))
			.toList();
	}

	private static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
