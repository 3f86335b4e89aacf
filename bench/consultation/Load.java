import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load client on plain keep-alive sockets, so the client spends as little CPU as possible
 * (the server shares the machine): C connections, each sends the next GET as soon as the previous answer is read.
 * Reports requests per second and latency percentiles of the measured phase (after a warm-up). A {@code {n}} in the
 * URL becomes four hex digits, new for each request (a counter from a random start: 65 536 requests before one comes
 * again), so that each request asks something no request before it asked (a text search no cache has seen).
 *
 *   java Load.java <url> <bearer token or -> <connections> <warmup s> <measure s> <label>
 */
public class Load {

	/** Where the URL had {@code {n}}. */
	static final String NEW = "__new__";

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0].replace("{n}", NEW)); // braces are not allowed in a URI
		String token = args[1];
		int connections = Integer.parseInt(args[2]);
		long warmup = Long.parseLong(args[3]) * 1_000_000_000L;
		long measure = Long.parseLong(args[4]) * 1_000_000_000L;
		String label = args[5];
		String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nAccept: application/json\r\n"
				+ ("-".equals(token) ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
		long start = System.nanoTime();
		long measureFrom = start + warmup;
		long end = measureFrom + measure;
		var errors = new AtomicLong();
		var workers = new ArrayList<Worker>();
		for (int i = 0; i < connections; i++) {
			var worker = new Worker(uri, request, measureFrom, end, errors);
			workers.add(worker);
			worker.start();
		}
		long total = 0;
		var all = new ArrayList<long[]>();
		for (Worker worker : workers) {
			worker.join();
			all.add(Arrays.copyOf(worker.latencies, worker.count));
			total += worker.count;
		}
		long[] latencies = new long[(int) total];
		int at = 0;
		for (long[] part : all) {
			System.arraycopy(part, 0, latencies, at, part.length);
			at += part.length;
		}
		Arrays.sort(latencies);
		double seconds = measure / 1e9;
		System.out.printf("%-8s %6d conn %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  %d requests, %d errors%n",
				label, connections, total / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
				latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, total, errors.get());
	}

	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	static final class Worker extends Thread {

		final URI uri;

		final String request;

		final long measureFrom;

		final long end;

		final AtomicLong errors;

		long[] latencies = new long[1 << 16];

		int count;

		Worker(URI uri, String request, long measureFrom, long end, AtomicLong errors) {
			this.uri = uri;
			this.request = request;
			this.measureFrom = measureFrom;
			this.end = end;
			this.errors = errors;
			setDaemon(true);
		}

		@Override
		public void run() {
			while (System.nanoTime() < end) {
				try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
					socket.setTcpNoDelay(true);
					OutputStream out = socket.getOutputStream();
					InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
					long now;
					closing = false;
					// the server ends a keep-alive connection after so many requests (it says so): open the next one
					while (!closing && (now = System.nanoTime()) < end) {
						out.write(next());
						out.flush();
						int status = readResponse(in);
						long done = System.nanoTime();
						if (status != 200) {
							errors.incrementAndGet();
						}
						else if (now >= measureFrom) {
							if (count == latencies.length) {
								latencies = Arrays.copyOf(latencies, count * 2);
							}
							latencies[count++] = done - now;
						}
					}
				}
				catch (IOException ex) {
					errors.incrementAndGet();
				}
			}
		}

		static final AtomicLong COUNTER = new AtomicLong(new java.util.Random().nextInt(1 << 16));

		byte[] fixed;

		/** The request to send: the same every time, or with a new {@code {n}}. */
		byte[] next() {
			if (!request.contains(NEW)) {
				if (fixed == null) {
					fixed = request.getBytes(StandardCharsets.US_ASCII);
				}
				return fixed;
			}
			String n = String.format("%04x", COUNTER.getAndIncrement() & 0xffff);
			return request.replace(NEW, n).getBytes(StandardCharsets.US_ASCII);
		}

		/** Set by {@link #readResponse} when the server closes the connection after this answer. */
		boolean closing;

		/** Reads one response (Content-Length or chunked body) and answers its status. */
		int readResponse(InputStream in) throws IOException {
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			long length = -1;
			boolean chunked = false;
			String header;
			while (!(header = line(in)).isEmpty()) {
				String lower = header.toLowerCase();
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					closing = true;
				}
			}
			if (chunked) {
				long size;
				while ((size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0) {
					skip(in, size);
					line(in);
				}
				while (!line(in).isEmpty()) {
					// trailers
				}
			}
			else if (length > 0) {
				skip(in, length);
			}
			return status;
		}

		static void skip(InputStream in, long n) throws IOException {
			while (n > 0) {
				long skipped = in.skip(n);
				if (skipped <= 0) {
					if (in.read() < 0) {
						throw new IOException("connection closed");
					}
					skipped = 1;
				}
				n -= skipped;
			}
		}

		static String line(InputStream in) throws IOException {
			var text = new StringBuilder();
			int c;
			while ((c = in.read()) != '\n') {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					text.append((char) c);
				}
			}
			return text.toString();
		}
	}
}
