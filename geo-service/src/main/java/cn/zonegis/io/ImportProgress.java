package cn.zonegis.io;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.zonegis.ApiProblem;
import cn.zonegis.security.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far a running import is, under an id the client chose, for its progress bar. Each
 * step is committed at once, outside the import's own transaction, so a poll sees it
 * whichever instance answers it; only the user who runs an import sees its progress.
 */
@Component
class ImportProgress {

	/** The stages an import passes, in order. */
	enum Stage {

		/** GDAL converts the file, or the TXT reader parses it. */
		CONVERTING,
		/** Features are read and their boundaries checked; done counts them. */
		READING,
		/** The land rules check the whole file at once (a dry run). */
		CHECKING,
		/**
		 * The land rules check the whole file and, when nothing is refused, store it with
		 * its audit entries (a real import).
		 */
		STORING

	}

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private static final String REPORT = """
			INSERT INTO zonegis.import_progress (id, username, stage, done, total)
			VALUES (:id, :username, :stage, :done, :total)
			ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, done = EXCLUDED.done, total = EXCLUDED.total,
				updated_at = now()
			WHERE import_progress.username = EXCLUDED.username
			""";

	private static final String FIND = """
			SELECT stage, done, total FROM zonegis.import_progress WHERE id = :id AND username = :username
			""";

	/** An hour after its last step an import has long ended: its row goes. */
	private static final String PURGE = """
			DELETE FROM zonegis.import_progress WHERE updated_at < now() - interval '1 hour'
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	ImportProgress(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * A 400 unless the id is 8 to 64 letters, digits or dashes (a UUID fits).
	 */
	static String checkId(String id) {
		if (id != null && !ID.matcher(id).matches()) {
			throw ApiProblem.badRequest("invalid-parameter", "io.import.progress.id").with("parameter", "progress");
		}
		return id;
	}

	/** Records a step of import id (nothing when the client asked for no progress). */
	void report(String id, Stage stage, Integer done, Integer total) {
		if (id == null) {
			return;
		}
		String username = AuditLog.currentUsername();
		this.ownTransaction.executeWithoutResult((status) -> {
			if (stage == Stage.CONVERTING) {
				this.jdbc.sql(PURGE).update();
			}
			this.jdbc.sql(REPORT)
				.param("id", id)
				.param("username", username)
				.param("stage", stage.name().toLowerCase(Locale.ROOT))
				.param("done", done)
				.param("total", total)
				.update();
		});
	}

	/** The last step of the caller's import id, if there is one. */
	Optional<Step> find(String id) {
		return this.jdbc.sql(FIND)
			.param("id", checkId(id))
			.param("username", AuditLog.currentUsername())
			.query((rs, i) -> new Step(rs.getString("stage"), (Integer) rs.getObject("done"),
					(Integer) rs.getObject("total")))
			.optional();
	}

	/**
	 * @param done features passed in this stage, or null when the stage is not counted
	 * @param total features in the file, or null while not known yet
	 */
	record Step(String stage, Integer done, Integer total) {
	}

}
