package cn.zonegis.workorder;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every work order message exists in Chinese and English, and every key the code names is there. */
class WorkOrderMessagesTests {

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
		assertThat(load("messages/workorder.properties").keySet())
			.isEqualTo(load("messages/workorder_en.properties").keySet());
	}

	@Test
	void everyKeyTheCodeNamesHasAMessage() throws IOException {
		Set<String> used = new TreeSet<>();
		Pattern key = Pattern.compile("\"(workorder\\.[a-zA-Z.]+)\"");
		try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/zonegis/workorder"))) {
			for (Path file : files.toList()) {
				Matcher matcher = key.matcher(Files.readString(file));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(load("messages/workorder.properties").stringPropertyNames()).containsAll(used);
	}

	@Test
	void everyEnglishMessageWithArgumentsIsAValidPattern() throws IOException {
		Properties english = load("messages/workorder_en.properties");
		for (String name : english.stringPropertyNames()) {
			String text = english.getProperty(name);
			if (text.contains("{0")) {
				assertThat(new MessageFormat(text, Locale.ENGLISH).format(new Object[] { 1.5, 2.5, 3.5, 4.5, 5.5, 6.5 }))
					.as(name)
					.doesNotContain("''");
			}
		}
	}

}
