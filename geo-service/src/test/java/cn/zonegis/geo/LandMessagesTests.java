package cn.zonegis.geo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message of the land and geometry rules exists in Chinese and in English. */
class LandMessagesTests {

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		assertThat(load("messages/land.properties").keySet())
			.isEqualTo(load("messages/land_en.properties").keySet());
	}

}
