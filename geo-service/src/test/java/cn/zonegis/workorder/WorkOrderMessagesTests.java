package cn.zonegis.workorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.zonegis.MessageBundlesTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key the work order code names exists (parity with English:
 * MessageBundlesTests).
 */
class WorkOrderMessagesTests {

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
		Set<String> keys = MessageBundlesTests.load("messages/workorder.properties").stringPropertyNames();
		// A name ending in a dot is the prefix of a family of labels
		// (workorder.kind.label.).
		assertThat(used).allSatisfy((name) -> assertThat(
				name.endsWith(".") ? keys.stream().anyMatch((k) -> k.startsWith(name)) : keys.contains(name))
			.as(name)
			.isTrue());
	}

}
