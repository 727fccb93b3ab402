package cn.zonegis;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem a user can meet reads in Chinese and in English, with the same facts
 * filled in.
 */
public class MessageBundlesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	/** Test code reads the bundles the way the service does: UTF-8 properties. */
	public static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages", "land", "io", "asset", "workorder", "project", "ogc", "security", "document" })
	void chineseAndEnglishHaveTheSameKeysAndArguments(String bundle) throws IOException {
		Properties chinese = load("messages/" + bundle + ".properties");
		Properties english = load("messages/" + bundle + "_en.properties");
		assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		for (String key : chinese.stringPropertyNames()) {
			assertThat(arguments(english.getProperty(key))).as(key).isEqualTo(arguments(chinese.getProperty(key)));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages", "land", "io", "asset", "workorder", "project", "ogc", "security", "document" })
	void everyMessageWithArgumentsIsAValidPattern(String bundle) throws IOException {
		for (String suffix : new String[] { "", "_en" }) {
			Properties messages = load("messages/" + bundle + suffix + ".properties");
			for (String key : messages.stringPropertyNames()) {
				String text = messages.getProperty(key);
				if (text.contains("{0")) {
					String formatted = new MessageFormat(text, Locale.ENGLISH)
						.format(new Object[] { 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5 });
					assertThat(formatted).as(key).doesNotContain("''");
				}
			}
		}
	}

	private static Set<String> arguments(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
