package cn.zonegis.report;

import java.nio.charset.StandardCharsets;

import cn.zonegis.geo.GeoJson;
import cn.zonegis.geo.ZoneTime;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/reports/half-year: the report of any period as JSON, the rows behind each figure
 * as GeoJSON, and the report as a Word document laid out as the zone's own.
 */
@RestController
class ReportController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final ReportService reports;

	private final HalfYearDocx docx;

	private final ZoneTime zoneTime;

	ReportController(ReportService reports, HalfYearDocx docx, ZoneTime zoneTime) {
		this.reports = reports;
		this.docx = docx;
		this.zoneTime = zoneTime;
	}

	@GetMapping("/api/reports/half-year")
	HalfYearReport halfYear(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sections) {
		return this.reports.halfYear(ReportPeriod.parse(from, to, this.zoneTime), ReportSection.parse(sections));
	}

	@GetMapping("/api/reports/half-year/rows")
	ResponseEntity<String> rows(@RequestParam(required = false) String figure,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return ResponseEntity.ok()
			.contentType(GeoJson.MEDIA_TYPE)
			.body(this.reports.rows(figure, ReportPeriod.parse(from, to, this.zoneTime)));
	}

	@GetMapping("/api/reports/half-year.docx")
	ResponseEntity<byte[]> document(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String sections) {
		ReportPeriod period = ReportPeriod.parse(from, to, this.zoneTime);
		HalfYearReport report = this.reports.halfYear(period, ReportSection.parse(sections));
		String name = "half-year-report-" + period.from() + "-" + period.to() + ".docx";
		return ResponseEntity.ok()
			.contentType(DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(this.docx.write(report));
	}

}
