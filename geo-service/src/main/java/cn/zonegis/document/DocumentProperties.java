package cn.zonegis.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the issued documents need from the installation.
 *
 * @param cjkFont a Noto Sans CJK collection (.ttc) or OpenType file to draw Chinese with;
 * empty to look it up with fc-match and in Debian's fonts-noto-cjk folder
 * @param issuingOffice the office named on every red-line drawing (出图单位)
 */
@ConfigurationProperties("zonegis.documents")
public record DocumentProperties(String cjkFont, String issuingOffice) {

	public DocumentProperties {
		cjkFont = (cjkFont == null) ? "" : cjkFont.strip();
		issuingOffice = (issuingOffice == null || issuingOffice.isBlank()) ? "" : issuingOffice.strip();
	}

}
