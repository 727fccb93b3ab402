package cn.zonegis.geo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams the GeoJSON Features PostgreSQL writes, one a row, to the client as they are
 * read: Java never decodes them and never holds the whole collection. pgjdbc only streams
 * with a fetch size inside a transaction, so every read here runs in a read-only one
 * (joining the caller's).
 */
@Component
public class FeatureStream {

	/** The start of a FeatureCollection; the features follow. */
	public static final String OPENING = "{\"type\":\"FeatureCollection\",\"features\":[";

	/** Rows per round trip: a default page of 1000 features in one or two. */
	private static final int FETCH_SIZE = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	FeatureStream(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions) {
		JdbcTemplate streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
		streaming.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(streaming);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Writes a FeatureCollection of the features the SQL selects, each the first column
	 * of its row (GeoJSON text).
	 */
	public void writeCollection(String sql, SqlParameterSource params, OutputStream out) {
		Features features = new Features(OPENING, out);
		read((jdbc) -> {
			jdbc.query(sql, params, features);
			return null;
		});
		features.close("\n]}\n");
	}

	/**
	 * Runs reads on a template that fetches rows in batches, in a read-only transaction
	 * so that the fetch size is honoured: for long reads handled row by row.
	 */
	public <T> T read(Function<NamedParameterJdbcTemplate, T> reads) {
		return this.readOnly.execute((status) -> reads.apply(this.jdbc));
	}

	/**
	 * Writes each row's first column, a GeoJSON Feature as PostgreSQL wrote it (bytes,
	 * never decoded), comma separated after the opening. Nothing is written until the
	 * first row arrives, so a failing query can still be answered with a problem.
	 */
	public static final class Features implements RowCallbackHandler {

		private final String opening;

		private final OutputStream out;

		private final int limit;

		private int written;

		private boolean more;

		/** Every row is written. */
		public Features(String opening, OutputStream out) {
			this(opening, out, Integer.MAX_VALUE);
		}

		/** The first limit rows are written; a row past them only says there are more. */
		public Features(String opening, OutputStream out, int limit) {
			this.opening = opening;
			this.out = out;
			this.limit = limit;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			if (this.written == this.limit) {
				this.more = true;
				return;
			}
			write(this.out, ((this.written++ == 0) ? this.opening + "\n" : ",\n").getBytes(StandardCharsets.UTF_8));
			write(this.out, rs.getBytes(1));
		}

		/** Writes the opening if no feature did, then the closing text. */
		public void close(String closing) {
			if (this.written == 0) {
				write(this.out, this.opening.getBytes(StandardCharsets.UTF_8));
			}
			write(this.out, closing.getBytes(StandardCharsets.UTF_8));
		}

		public int written() {
			return this.written;
		}

		/** Whether a row came past the limit. */
		public boolean more() {
			return this.more;
		}

		private static void write(OutputStream out, byte[] bytes) {
			try {
				out.write(bytes);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
