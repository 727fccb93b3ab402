package cn.zonegis.tiles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A built Mapbox Vector Tile and its ETag; empty bytes when no feature touches it.
 *
 * @param bytes the encoded tile
 * @param etag quoted digest of the bytes: an unchanged tile keeps it however it was made
 */
public record Tile(byte[] bytes, String etag) {

	static Tile of(byte[] bytes) {
		byte[] tile = (bytes != null) ? bytes : new byte[0];
		return new Tile(tile, "\"" + digest(tile) + "\"");
	}

	public boolean isEmpty() {
		return this.bytes.length == 0;
	}

	private static String digest(byte[] tile) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tile), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
