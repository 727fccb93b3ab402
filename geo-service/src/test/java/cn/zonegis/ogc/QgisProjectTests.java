package cn.zonegis.ogc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gis-data/qgis/zonegis.qgs, the project an analyst opens in QGIS, holds every collection
 * /ogc publishes as an OGC API - Features layer of the service. (Its colours are checked
 * against the web map's in web-map/test/unit/qgis-project.test.mjs.)
 */
class QgisProjectTests extends IntegrationTest {

	private static final Path PROJECT = Path.of("..", "gis-data", "qgis", "zonegis.qgs");

	@Autowired
	private CollectionRegistry registry;

	@Test
	void everyPublishedCollectionIsAnOgcApiLayerOfTheService() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		Document qgs = factory.newDocumentBuilder().parse(PROJECT.toFile());
		NodeList mapLayers = qgs.getElementsByTagName("maplayer");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < mapLayers.getLength(); i++) {
			Element layer = (Element) mapLayers.item(i);
			String id = text(layer, "id");
			ids.add(id);
			assertThat(text(layer, "provider")).as(id).isEqualTo("OAPIF");
			assertThat(text(layer, "datasource")).as(id)
				.contains("typename='" + id + "'", "url='http://localhost:8080/ogc'", "version='OGC_API_FEATURES'",
						"authcfg='zonegis'");
			assertThat(layer.getElementsByTagName("renderer-v2").getLength()).as(id).isEqualTo(1);
		}
		assertThat(ids)
			.containsExactlyInAnyOrderElementsOf(this.registry.all().stream().map(CollectionDef::id).toList());
	}

	private static String text(Element parent, String tag) {
		return parent.getElementsByTagName(tag).item(0).getTextContent();
	}

}
