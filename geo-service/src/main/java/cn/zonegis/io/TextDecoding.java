package cn.zonegis.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import cn.zonegis.ApiProblem;

/**
 * Decodes a surveyor's text file: UTF-8 with or without BOM, else GBK (what Windows tools
 * in China write), unless the user names the encoding.
 */
public final class TextDecoding {

	static final Charset GBK = Charset.forName("GBK");

	private TextDecoding() {
	}

	/** The encoding a user named (UTF-8, GBK, CP936…), or null to detect it. */
	static Charset named(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Charset.forName(name.trim());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw ApiProblem.badRequest("unknown-encoding", "io.encoding.unknown", name).with("parameter", "encoding");
		}
	}

	public static String decode(byte[] bytes, Charset charset) {
		int start = hasBom(bytes) ? 3 : 0;
		ByteBuffer body = ByteBuffer.wrap(bytes, start, bytes.length - start);
		if (charset != null) {
			return charset.decode(body).toString();
		}
		try {
			CharBuffer text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(body);
			return text.toString();
		}
		catch (CharacterCodingException ex) {
			return GBK.decode(ByteBuffer.wrap(bytes)).toString();
		}
	}

	private static boolean hasBom(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
	}

}
