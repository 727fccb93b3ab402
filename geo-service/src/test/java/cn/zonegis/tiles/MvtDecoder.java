package cn.zonegis.tiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the Mapbox Vector Tile 2.1 protobuf to check a tile: layers, feature
 * ids, attributes and geometry vertices in tile coordinates. Written for the tests so the
 * check does not trust the library that wrote the tile.
 */
public final class MvtDecoder {

	public record Feature(long id, Map<String, Object> properties, int type, List<int[]> vertices) {
	}

	public record Layer(String name, int extent, List<Feature> features) {
	}

	private final byte[] bytes;

	private int position;

	private final int end;

	private MvtDecoder(byte[] bytes, int start, int end) {
		this.bytes = bytes;
		this.position = start;
		this.end = end;
	}

	public static Map<String, Layer> decode(byte[] tile) {
		Map<String, Layer> layers = new LinkedHashMap<>();
		MvtDecoder in = new MvtDecoder(tile, 0, tile.length);
		while (in.more()) {
			long key = in.varint();
			if (key >>> 3 == 3) {
				Layer layer = in.message().layer();
				layers.put(layer.name(), layer);
			}
			else {
				in.skip((int) (key & 7));
			}
		}
		return layers;
	}

	private Layer layer() {
		String name = null;
		int extent = 4096;
		List<MvtDecoder> features = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		while (more()) {
			long key = varint();
			switch ((int) (key >>> 3)) {
				case 1 -> name = string();
				case 2 -> features.add(message());
				case 3 -> keys.add(string());
				case 4 -> values.add(message().value());
				case 5 -> extent = (int) varint();
				default -> skip((int) (key & 7));
			}
		}
		List<Feature> decoded = new ArrayList<>();
		for (MvtDecoder feature : features) {
			decoded.add(feature.feature(keys, values));
		}
		return new Layer(name, extent, decoded);
	}

	private Feature feature(List<String> keys, List<Object> values) {
		long id = 0;
		int type = 0;
		Map<String, Object> properties = new LinkedHashMap<>();
		List<int[]> vertices = new ArrayList<>();
		while (more()) {
			long key = varint();
			switch ((int) (key >>> 3)) {
				case 1 -> id = varint();
				case 2 -> {
					MvtDecoder tags = message();
					while (tags.more()) {
						properties.put(keys.get((int) tags.varint()), values.get((int) tags.varint()));
					}
				}
				case 3 -> type = (int) varint();
				case 4 -> vertices = message().geometry();
				default -> skip((int) (key & 7));
			}
		}
		return new Feature(id, properties, type, vertices);
	}

	/** MoveTo and LineTo commands with zig-zag deltas, as absolute tile coordinates. */
	private List<int[]> geometry() {
		List<int[]> vertices = new ArrayList<>();
		int x = 0;
		int y = 0;
		while (more()) {
			int command = (int) varint();
			int id = command & 7;
			int count = command >>> 3;
			if (id == 7) {
				continue;
			}
			for (int i = 0; i < count; i++) {
				x += zigzag(varint());
				y += zigzag(varint());
				vertices.add(new int[] { x, y });
			}
		}
		return vertices;
	}

	private Object value() {
		Object value = null;
		while (more()) {
			long key = varint();
			switch ((int) (key >>> 3)) {
				case 1 -> value = string();
				case 2 -> value = Float.intBitsToFloat(fixed32());
				case 3 -> value = Double.longBitsToDouble(fixed64());
				case 4, 5 -> value = varint();
				case 6 -> value = zigzag(varint());
				case 7 -> value = varint() != 0;
				default -> skip((int) (key & 7));
			}
		}
		return value;
	}

	private boolean more() {
		return this.position < this.end;
	}

	private long varint() {
		long result = 0;
		int shift = 0;
		while (true) {
			byte b = this.bytes[this.position++];
			result |= (long) (b & 0x7f) << shift;
			if ((b & 0x80) == 0) {
				return result;
			}
			shift += 7;
		}
	}

	private static int zigzag(long n) {
		return (int) ((n >>> 1) ^ -(n & 1));
	}

	private int fixed32() {
		int value = 0;
		for (int i = 0; i < 4; i++) {
			value |= (this.bytes[this.position++] & 0xff) << (8 * i);
		}
		return value;
	}

	private long fixed64() {
		long value = 0;
		for (int i = 0; i < 8; i++) {
			value |= (long) (this.bytes[this.position++] & 0xff) << (8 * i);
		}
		return value;
	}

	private MvtDecoder message() {
		int length = (int) varint();
		MvtDecoder sub = new MvtDecoder(this.bytes, this.position, this.position + length);
		this.position += length;
		return sub;
	}

	private String string() {
		int length = (int) varint();
		String text = new String(this.bytes, this.position, length, StandardCharsets.UTF_8);
		this.position += length;
		return text;
	}

	private void skip(int wireType) {
		switch (wireType) {
			case 0 -> varint();
			case 1 -> this.position += 8;
			case 2 -> this.position += (int) varint();
			case 5 -> this.position += 4;
			default -> throw new IllegalStateException("wire type " + wireType);
		}
	}

}
