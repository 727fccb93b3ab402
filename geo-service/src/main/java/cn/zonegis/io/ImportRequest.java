package cn.zonegis.io;

import java.nio.charset.Charset;

/**
 * How to read an uploaded file.
 *
 * @param format the file's format
 * @param srid the CRS the user gave (required for DXF and files without one), or null
 * @param encoding the attribute encoding the user gave (GBK, CP936…), or null to detect
 * @param fields which source fields hold the parcel attributes
 * @param repair the surveyor's boundaries may be repaired (an open ring closed, a ring
 * outside the outer ring made another part), each repair listed in the report; without it
 * they are refused
 * @param progressId the id under which the client polls this import's progress, or null
 */
record ImportRequest(FileFormat format, Integer srid, String encoding, FieldMapping fields, boolean repair,
		String progressId) {

	Charset charset() {
		return TextDecoding.named(this.encoding);
	}

}
