package cn.zonegis.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import cn.zonegis.ApiProblem;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * POST /api/parcels/import: a surveyor's or GIS file in, a dry-run report or one
 * all-or-nothing import out.
 */
@RestController
class ImportController {

	private final ImportService imports;

	private final ImportProgress progress;

	ImportController(ImportService imports, ImportProgress progress) {
		this.imports = imports;
		this.progress = progress;
	}

	@PostMapping(path = "/api/parcels/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importParcels(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String format,
			@RequestParam(required = false) Boolean dryRun, @RequestParam(defaultValue = "false") boolean repair,
			@RequestParam(required = false) Integer srid, @RequestParam(required = false) String encoding,
			@RequestParam(required = false) String codeField, @RequestParam(required = false) String nameField,
			@RequestParam(required = false) String landUseField, @RequestParam(required = false) String landClassField,
			@RequestParam(required = false) String holderField,
			@RequestParam(required = false) String surveyedAreaField, @RequestParam(required = false) String noteField,
			@RequestParam(required = false) String progress) {
		if (dryRun == null) {
			// A forgotten dryRun must not pass for either a preview or a real import.
			throw ApiProblem.badRequest("missing-parameter", "io.import.dry-run.required").with("parameter", "dryRun");
		}
		if (file.isEmpty()) {
			throw ApiProblem.badRequest("empty-file", "io.file.empty").with("parameter", "file");
		}
		FileFormat chosen = (format == null || format.isBlank()) ? byExtension(file.getOriginalFilename())
				: FileFormat.parse(format);
		ImportRequest request = new ImportRequest(chosen, srid, encoding, new FieldMapping(codeField, nameField,
				landUseField, landClassField, holderField, surveyedAreaField, noteField), repair,
				ImportProgress.checkId(progress));
		byte[] bytes = bytes(file);
		return dryRun ? this.imports.dryRun(bytes, file.getOriginalFilename(), request)
				: this.imports.commit(bytes, file.getOriginalFilename(), request);
	}

	/**
	 * How far the caller's import of this id is (the id it sent as progress=), for the
	 * dialog's progress bar; 404 before its first step and for another user's import.
	 */
	@GetMapping("/api/parcels/import/progress/{id}")
	ImportProgress.Step progress(@PathVariable String id) {
		return this.progress.find(id).orElseThrow(() -> ApiProblem.notFound("io.import.progress.unknown", id));
	}

	/** The format a file's name implies: .zip is a zipped Shapefile, .json GeoJSON. */
	static FileFormat byExtension(String fileName) {
		String name = (fileName == null) ? "" : fileName.toLowerCase(Locale.ROOT);
		String extension = name.substring(name.lastIndexOf('.') + 1);
		return switch (extension) {
			case "zip", "shp" -> FileFormat.SHP;
			case "json" -> FileFormat.GEOJSON;
			default -> FileFormat.parse(extension);
		};
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
