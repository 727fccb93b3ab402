package cn.zonegis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One file in the part named "file", as the map's import dialog or a phone uploads it.
 */
public record MultipartFile(String contentType, byte[] body) {

	public static MultipartFile of(String fileName, byte[] content) {
		return of(fileName, "application/octet-stream", content);
	}

	/**
	 * @param type the part's own Content-Type, as a phone's browser names a photo
	 */
	public static MultipartFile of(String fileName, String type, byte[] content) {
		String boundary = "zonegis" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new MultipartFile("multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

}
