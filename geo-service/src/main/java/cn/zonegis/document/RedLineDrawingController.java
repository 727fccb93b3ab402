package cn.zonegis.document;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The red-line drawing of a parcel (用地红线图), previewed or as issued. */
@RestController
class RedLineDrawingController {

	private final RedLineDrawings drawings;

	RedLineDrawingController(RedLineDrawings drawings) {
		this.drawings = drawings;
	}

	/** The issued drawing of the current version, or a preview when it was not issued. */
	@GetMapping("/api/parcels/{id}/red-line.pdf")
	ResponseEntity<byte[]> current(@PathVariable long id) {
		RedLineDrawings.Drawing drawing = this.drawings.current(id);
		return pdf(drawing.pdf(), RedLineDrawings.fileName(drawing.drawingNumber()));
	}

	@GetMapping("/api/parcels/{id}/red-line-drawings")
	List<IssuedDrawing> issued(@PathVariable long id) {
		return this.drawings.issued(id);
	}

	@GetMapping("/api/parcels/{id}/red-line-drawings/{drawingId}.pdf")
	ResponseEntity<byte[]> issuedPdf(@PathVariable long id, @PathVariable long drawingId) {
		return pdf(this.drawings.issuedPdf(id, drawingId), "红线图-" + drawingId + ".pdf");
	}

	static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

}
