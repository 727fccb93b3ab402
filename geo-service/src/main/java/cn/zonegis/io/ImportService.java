package cn.zonegis.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.Area;
import cn.zonegis.io.ImportProgress.Stage;
import cn.zonegis.land.ParcelBatches;
import cn.zonegis.land.ParcelDraft;

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

	private static final String NOTE = "import";

	private final TxtSource txt;

	private final GdalSource gdal;

	private final ImportChecks checks;

	private final CrsRepository repository;

	private final ParcelBatches parcels;

	private final TransactionTemplate transaction;

	private final ImportProgress progress;

	ImportService(TxtSource txt, GdalSource gdal, ImportChecks checks, CrsRepository repository, ParcelBatches parcels,
			PlatformTransactionManager transactions, ImportProgress progress) {
		this.txt = txt;
		this.gdal = gdal;
		this.checks = checks;
		this.repository = repository;
		this.parcels = parcels;
		this.transaction = new TransactionTemplate(transactions);
		this.progress = progress;
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
		SourceBatch batch = read(file, fileName, request);
		List<ParcelDraft> drafts = ImportChecks.drafts(batch);
		this.progress.report(request.progressId(), Stage.STORING, null, drafts.size());
		// One transaction from the code look-up to the audit entry: all or nothing. The
		// land rules check the whole file behind the red-line lock and store it only when
		// no feature is refused, so what they found still holds when the parcels are
		// written.
		Stored stored = this.transaction.execute((status) -> {
			if (batch.features().stream().anyMatch((f) -> !f.problems().isEmpty())) {
				refuseIfAny(this.checks.plan(batch));
			}
			ParcelBatches.Imported imported = this.parcels.importAll(drafts, NOTE,
					auditDetail(request, fileName, batch));
			List<ImportChecks.Planned> planned = ImportChecks.planned(batch, drafts, imported.checks());
			refuseIfAny(planned);
			return new Stored(planned, imported.ids());
		});
		return report(request, batch, false, stored.planned(), stored.ids(), List.of());
	}

	private record Stored(List<ImportChecks.Planned> planned, List<Long> ids) {
	}

	private SourceBatch read(byte[] file, String fileName, ImportRequest request) {
		if (fileName != null) {
			ZipGuard.checkName(fileName);
		}
		this.progress.report(request.progressId(), Stage.CONVERTING, null, null);
		if (request.format() == FileFormat.TXT) {
			return this.txt.read(file, request);
		}
		try (WorkDir work = WorkDir.create("import")) {
			Path upload = work.resolve("input." + request.format().extension());
			Files.write(upload, file);
			return this.gdal.read(upload, request, work);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> auditDetail(ImportRequest request, String fileName, SourceBatch batch) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("format", request.format().parameterName());
		detail.put("file", fileName);
		detail.put("crs", batch.crs());
		detail.put("repaired", repaired(batch));
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
			throw ApiProblem.unprocessable("import-refused", "io.import.refused", faults.size(), planned.size())
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
