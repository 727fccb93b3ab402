package cn.zonegis.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import cn.zonegis.ApiProblem;

/**
 * Extracts an uploaded zip only after checking every entry: no parent steps, no absolute
 * or drive paths, no GDAL virtual paths, a bounded number of entries and bytes. The byte
 * bound is counted while writing, since a zip's declared sizes may lie.
 */
final class ZipGuard {

	private ZipGuard() {
	}

	/**
	 * @return the extracted regular files
	 */
	static List<Path> extract(Path zip, Path target, long maxBytes, int maxEntries) throws IOException {
		List<Path> files = new ArrayList<>();
		try (ZipFile file = new ZipFile(zip.toFile())) {
			if (file.size() > maxEntries) {
				throw ApiProblem.badRequest("unsafe-zip", "io.zip.too-many", file.size(), maxEntries);
			}
			Enumeration<? extends ZipEntry> entries = file.entries();
			List<ZipEntry> accepted = new ArrayList<>();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				checkName(entry.getName());
				accepted.add(entry);
			}
			long[] written = { 0 };
			for (ZipEntry entry : accepted) {
				Path out = target.resolve(entry.getName()).normalize();
				if (!out.startsWith(target)) {
					throw ApiProblem.badRequest("unsafe-zip", "io.zip.unsafe-name", entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(out);
					continue;
				}
				Files.createDirectories(out.getParent());
				try (InputStream in = file.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
					copyBounded(in, os, written, maxBytes);
				}
				files.add(out);
			}
		}
		catch (ZipException ex) {
			throw ApiProblem.badRequest("unreadable-file", "io.zip.unreadable");
		}
		return files;
	}

	static void checkName(String name) {
		String lower = name.replace('\\', '/').toLowerCase();
		boolean unsafe = lower.startsWith("/") || lower.matches("^[a-z]:.*") || lower.contains("/vsi")
				|| lower.startsWith("vsi") || List.of(lower.split("/")).contains("..") || lower.indexOf('\0') >= 0;
		if (unsafe) {
			throw ApiProblem.badRequest("unsafe-zip", "io.zip.unsafe-name", name);
		}
	}

	private static void copyBounded(InputStream in, OutputStream out, long[] written, long maxBytes)
			throws IOException {
		byte[] buffer = new byte[65536];
		int n;
		while ((n = in.read(buffer)) > 0) {
			written[0] += n;
			if (written[0] > maxBytes) {
				throw ApiProblem.badRequest("unsafe-zip", "io.zip.too-large", maxBytes / (1024 * 1024));
			}
			out.write(buffer, 0, n);
		}
	}

}
