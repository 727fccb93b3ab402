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
import cn.zonegis.land.EditOptions;
import cn.zonegis.land.ParcelDraft;
import cn.zonegis.land.ParcelService;
import cn.zonegis.security.AuditLog;
import tools.jackson.databind.json.JsonMapper;

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

	private final ParcelService parcels;

	private final AuditLog audit;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	ImportService(TxtSource txt, GdalSource gdal, ImportChecks checks, CrsRepository repository, ParcelService parcels,
			AuditLog audit, JsonMapper json, PlatformTransactionManager transactions) {
		this.txt = txt;
		this.gdal = gdal;
		this.checks = checks;
		this.repository = repository;
		this.parcels = parcels;
		this.audit = audit;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
	}

	@PreAuthorize("hasRole('PLANNER')")
	public ImportReport dryRun(byte[] file, String fileName, ImportRequest request) {
		SourceBatch batch = read(file, fileName, request);
		List<ImportChecks.Planned> planned = this.checks.plan(batch, true);
		List<ImportReport.Item> items = planned.stream().map(this::previewItem).toList();
		return report(request, batch, true, planned, List.of(), items);
	}

	@PreAuthorize("hasRole('PLANNER')")
	public ImportReport commit(byte[] file, String fileName, ImportRequest request) {
		SourceBatch batch = read(file, fileName, request);
		Stored stored;
		try {
			// One transaction from the code look-ups to the last insert: all or nothing,
			// and no
			// transaction per feature on a large file. The red-line lock comes first, so
			// what the
			// plan finds (create or update) still holds when the parcels are written.
			stored = this.transaction.execute((status) -> {
				this.parcels.holdRedLines();
				List<ImportChecks.Planned> planned = this.checks.plan(batch, false);
				refuseIfAny(planned);
				return new Stored(planned, store(planned, request, fileName, batch));
			});
		}
		catch (ApiProblem problem) {
			// Rolled back: now find every feature at fault, not just the first the rules
			// met.
			refuseIfAny(this.checks.plan(batch, true));
			throw problem;
		}
		return report(request, batch, false, stored.planned(), stored.ids(), List.of());
	}

	private record Stored(List<ImportChecks.Planned> planned, List<Long> ids) {
	}

	private SourceBatch read(byte[] file, String fileName, ImportRequest request) {
		if (fileName != null) {
			ZipGuard.checkName(fileName);
		}
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

	private List<Long> store(List<ImportChecks.Planned> planned, ImportRequest request, String fileName,
			SourceBatch batch) {
		List<ParcelDraft> creates = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (ImportChecks.Planned p : planned) {
			if (ImportChecks.UPDATE.equals(p.action())) {
				this.parcels.replace(p.existingId(), p.draft(), NOTE, null, EditOptions.STRICT);
				ids.add(p.existingId());
			}
			else if (ImportChecks.UNCHANGED.equals(p.action())) {
				ids.add(p.existingId());
			}
			else {
				creates.add(p.draft());
			}
		}
		ids.addAll(this.parcels.createAll(creates));
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("format", request.format().parameterName());
		detail.put("file", fileName);
		detail.put("crs", batch.crs());
		detail.put("created", creates.size());
		detail.put("updated", count(planned, ImportChecks.UPDATE));
		detail.put("unchanged", count(planned, ImportChecks.UNCHANGED));
		detail.put("repaired", repaired(batch));
		this.audit.record("import", "parcel", null, this.json.writeValueAsString(detail));
		return ids;
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

	private ImportReport.Item previewItem(ImportChecks.Planned p) {
		SourceFeature f = p.feature();
		CrsRepository.Preview preview = (f.geometry() == null) ? null : this.repository.preview(f.geometry());
		Double areaM2 = (preview == null) ? null : round(preview.areaM2(), 2);
		Double areaMu = (preview == null) ? null : round(Area.toMu(preview.areaM2()), 4);
		return new ImportReport.Item(f.index(), f.code(), f.name(), p.action(), areaM2, areaMu,
				(f.planeAreaM2() == null) ? null : round(f.planeAreaM2(), 3), f.surveyedAreaM2(), !p.refused(),
				p.problems(), f.warnings(), f.repairs(), (preview == null) ? null : preview.geometry());
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
