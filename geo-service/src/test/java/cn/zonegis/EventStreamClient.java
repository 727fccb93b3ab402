package cn.zonegis;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's view of GET /api/events: opens the stream as a user, reads its Server-Sent
 * Events on a thread of its own and keeps every event it received, in order.
 */
public final class EventStreamClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration OPEN_LIMIT = Duration.ofSeconds(10);

	private final List<Event> received = new ArrayList<>();

	private final CountDownLatch opened = new CountDownLatch(1);

	private volatile Stream<String> lines;

	private EventStreamClient() {
	}

	/**
	 * Opens the stream as that demo-style user (password: name + 2026), resuming after
	 * lastEventId when not null, and returns once the service has it registered.
	 */
	public static EventStreamClient open(int port, String user, Long lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"))
			.header("Accept", "text/event-stream")
			.header("Authorization", Http.basic(user, user + "2026"));
		if (lastEventId != null) {
			request.header("Last-Event-ID", Long.toString(lastEventId));
		}
		EventStreamClient client = new EventStreamClient();
		HttpResponse<Stream<String>> response;
		response = Http.exchange(request.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		client.lines = response.body();
		Thread reader = new Thread(client::read, "event-stream-" + user);
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(client.opened.await(OPEN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("stream opened").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return client;
	}

	private void read() {
		String id = null;
		StringBuilder data = new StringBuilder();
		try {
			Iterator<String> it = this.lines.iterator();
			while (it.hasNext()) {
				String line = it.next();
				if (line.startsWith(":")) {
					this.opened.countDown();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
				else if (line.isEmpty() && !data.isEmpty()) {
					synchronized (this.received) {
						this.received.add(new Event(Long.parseLong(id), JSON.readTree(data.toString())));
					}
					id = null;
					data.setLength(0);
				}
			}
		}
		catch (UncheckedIOException ex) {
			// Closed by the test.
		}
	}

	/** Every event received so far, oldest first. */
	public List<Event> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	/** Waits for the first received event that matches; fails if none comes in time. */
	public Event await(Predicate<Event> wanted) {
		Waiting.until(Duration.ofSeconds(15), () -> received().stream().anyMatch(wanted));
		return received().stream().filter(wanted).findFirst().orElseThrow();
	}

	@Override
	public void close() {
		this.lines.close();
	}

	/** One Server-Sent Event: its id and its JSON data. */
	public record Event(long id, JsonNode json) {

		public String type() {
			return this.json.get("type").asString();
		}

		public long subjectId() {
			return this.json.get("subjectId").asLong();
		}

		public JsonNode data() {
			return this.json.get("data");
		}

		/** Whether it is an event of that type about that object. */
		public static Predicate<Event> about(String type, long subjectId) {
			return (event) -> event.type().equals(type) && event.subjectId() == subjectId;
		}

	}

}
