package cn.zonegis.document;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An issued red-line drawing as the parcel's history lists it; the PDF itself is
 * downloaded from {@link #href()}.
 *
 * @param id the drawing
 * @param parcelId the parcel drawn
 * @param parcelVersion the version of the parcel it shows
 * @param drawingNumber 图号
 * @param sha256 hex SHA-256 of the stored PDF: a download has exactly these bytes
 * @param issuedAt when it was issued
 * @param issuedBy who issued it
 * @param size bytes
 */
public record IssuedDrawing(long id, long parcelId, int parcelVersion, String drawingNumber, String sha256,
		OffsetDateTime issuedAt, String issuedBy, long size) {

	@JsonProperty("href")
	public String href() {
		return "/api/parcels/" + this.parcelId + "/red-line-drawings/" + this.id + ".pdf";
	}

}
