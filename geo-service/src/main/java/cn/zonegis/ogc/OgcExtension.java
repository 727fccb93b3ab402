package cn.zonegis.ogc;

import java.util.List;

/**
 * Resources another feature package publishes under /ogc (OGC API - Tiles): the
 * conformance classes it implements and its links from the landing page and from each
 * collection, so /ogc declares them without knowing the package.
 */
public interface OgcExtension {

	/** Conformance class URIs, declared only for what the package implements. */
	List<String> conformance();

	List<Link> landingLinks();

	List<Link> collectionLinks(CollectionDef def);

	/**
	 * @param path below /ogc
	 * @param rel the link relation
	 * @param type the media type of the target
	 * @param title what the link leads to
	 */
	record Link(String path, String rel, String type, String title) {
	}

}
