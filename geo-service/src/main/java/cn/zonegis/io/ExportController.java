package cn.zonegis.io;

import java.util.Arrays;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.BBox;
import cn.zonegis.land.ParcelLifecycle;
import cn.zonegis.land.ParcelSelection;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * GET /api/parcels/export: any selection of parcels (ids, bbox, status) as a file in any
 * import format; with drawings=true, a zip of that file and the selection's issued
 * red-line drawings.
 */
@RestController
class ExportController {

	private final ExportService exports;

	ExportController(ExportService exports) {
		this.exports = exports;
	}

	@GetMapping("/api/parcels/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam String format,
			@RequestParam(required = false) String ids, @RequestParam(required = false) String bbox,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer srid,
			@RequestParam(defaultValue = "false") boolean zonePrefix, @RequestParam(required = false) String encoding,
			@RequestParam(defaultValue = "false") boolean drawings) {
		FileFormat chosen = FileFormat.parse(format);
		ParcelSelection selection = new ParcelSelection(ids(ids), BBox.parse("bbox", bbox), statuses(status));
		ExportRequest request = new ExportRequest(chosen, selection, srid, zonePrefix, encoding);
		if (drawings) {
			byte[] zip = this.exports.zipWithDrawings(request);
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/zip"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("parcels-red-lines.zip").build().toString())
				.contentLength(zip.length)
				.body((out) -> out.write(zip));
		}
		MediaType type = MediaType.parseMediaType(chosen.mediaType());
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType((chosen == FileFormat.TXT) ? new MediaType(type, request.txtCharset()) : type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("parcels." + chosen.extension()).build().toString());
		if (chosen == FileFormat.GEOJSON) {
			return response.body((out) -> this.exports.writeGeoJson(request, out));
		}
		byte[] file = this.exports.file(request);
		return response.contentLength(file.length).body((out) -> out.write(file));
	}

	static List<Long> ids(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Arrays.stream(text.split(",")).map(String::strip).map(Long::valueOf).toList();
		}
		catch (NumberFormatException ex) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", "ids", text)
				.with("parameter", "ids");
		}
	}

	static List<String> statuses(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		List<String> statuses = Arrays.stream(text.split(",")).map(String::strip).toList();
		statuses.stream().filter((s) -> ParcelLifecycle.fromCode(s).isEmpty()).findFirst().ifPresent((s) -> {
			throw ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", "status", s)
				.with("parameter", "status");
		});
		return statuses;
	}

}
