package cn.zonegis.document;

import java.util.Arrays;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.BBox;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/map/print.pdf?bbox=…&layers=…: the map's current view (or a box at a chosen
 * scale) as a vector PDF.
 */
@RestController
class MapPrintController {

	private static final int TITLE_MAX_LENGTH = 200;

	private final MapPrints prints;

	MapPrintController(MapPrints prints) {
		this.prints = prints;
	}

	@GetMapping("/api/map/print.pdf")
	ResponseEntity<byte[]> print(@RequestParam String bbox, @RequestParam String layers,
			@RequestParam(required = false) String title, @RequestParam(required = false) Integer scale,
			@RequestParam(required = false) String lang) {
		BBox box = BBox.parse("bbox", bbox);
		List<String> ids = Arrays.stream(layers.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
		if (ids.isEmpty()) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", "layers", layers)
				.with("parameter", "layers");
		}
		if (title != null && title.length() > TITLE_MAX_LENGTH) {
			throw ApiProblem.badRequest("invalid-parameter", "document.print.title", TITLE_MAX_LENGTH)
				.with("parameter", "title");
		}
		MapPrints.requireRoundScale(scale);
		boolean english = (lang != null) ? "en".equals(lang)
				: "en".equals(LocaleContextHolder.getLocale().getLanguage());
		String heading = (title == null || title.isBlank()) ? MapPrints.defaultTitle(english) : title.strip();
		return RedLineDrawingController.pdf(this.prints.print(box, ids, heading, scale, english), "map.pdf");
	}

}
