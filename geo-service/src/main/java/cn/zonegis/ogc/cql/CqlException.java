package cn.zonegis.ogc.cql;

/**
 * A filter that cannot be read or compiled; the message says where and why, in English.
 */
public class CqlException extends RuntimeException {

	public CqlException(String message) {
		super(message);
	}

}
