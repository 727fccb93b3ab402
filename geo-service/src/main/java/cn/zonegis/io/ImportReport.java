package cn.zonegis.io;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * What an import did, or with {@code dryRun} would do: per feature the action, the
 * official area, the problems that refuse it and the warnings, and the boundary for the
 * map preview.
 *
 * @param crs the CRS the file was read in, as understood
 * @param unchanged features whose parcel already is exactly as in the file: nothing
 * stored, no new version
 * @param ids the stored parcels' ids (real import only)
 * @param repaired every parcel whose boundary was repaired on request, with each repair
 * (dry run and real import alike)
 */
public record ImportReport(String format, String crs, boolean dryRun, int features, int toCreate, int toUpdate,
		int unchanged, int refused, List<Long> ids, List<Item> items, List<Repaired> repaired) {

	/**
	 * @param action create, update (a parcel with this code exists) or unchanged (it
	 * already is exactly this feature)
	 * @param areaM2 plane area in the measuring Gauss-Kruger CRS
	 * @param fileAreaM2 plane area in the file's own CRS (TXT), the official figure for a
	 * survey
	 * @param surveyedAreaM2 the area written in the file
	 * @param repairs what was changed in the boundary as written (repair=true)
	 * @param geometry GeoJSON in EPSG:4490 (dry run only)
	 */
	public record Item(int index, String code, String name, String action, Double areaM2, Double areaMu,
			Double fileAreaM2, Double surveyedAreaM2, boolean valid, List<ImportIssue> problems,
			List<ImportIssue> warnings, List<ImportIssue> repairs, @JsonRawValue String geometry) {
	}

	/**
	 * The repairs made to one feature's boundary.
	 *
	 * @param index position in the file, from 0
	 */
	public record Repaired(int index, String code, List<ImportIssue> repairs) {
	}

}
