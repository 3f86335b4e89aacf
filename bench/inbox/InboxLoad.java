import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load client on plain keep-alive sockets (little CPU: the server shares the machine), with the
 * session cookie of a signed-in person: C connections, each sends the next GET as soon as the previous answer is
 * read. Prints requests/s and latency percentiles of the measured phase, after a warm-up. A request that does not
 * answer 200 counts as an error.
 *
 *   java InboxLoad.java <url> <cookie header value or -> <connections> <warmup s> <measure s> <label>
 */
public class InboxLoad {

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		String cookie = args[1];
		int connections = Integer.parseInt(args[2]);
		long warmup = Long.parseLong(args[3]) * 1_000_000_000L;
		long measure = Long.parseLong(args[4]) * 1_000_000_000L;
		String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nAccept: text/html\r\nAccept-Language: nl\r\n"
				+ ("-".equals(cookie) ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII);
		long measureFrom = System.nanoTime() + warmup;
		long end = measureFrom + measure;
		var errors = new AtomicLong();
		var workers = new ArrayList<Worker>();
		for (int i = 0; i < connections; i++) {
			var worker = new Worker(uri, request, measureFrom, end, errors);
			workers.add(worker);
			worker.start();
		}
		var latencies = new long[0];
		for (Worker worker : workers) {
			worker.join();
			int from = latencies.length;
			latencies = Arrays.copyOf(latencies, from + worker.count);
			System.arraycopy(worker.latencies, 0, latencies, from, worker.count);
		}
		Arrays.sort(latencies);
		System.out.printf("%-8s %4d conn %8.1f req/s  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  %d requests, %d errors%n",
				args[5], connections, latencies.length / (measure / 1e9), percentile(latencies, 0.50),
				percentile(latencies, 0.99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
				latencies.length, errors.get());
	}

	static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	static final class Worker extends Thread {

		final URI uri;

		final byte[] request;

		final long measureFrom;

		final long end;

		final AtomicLong errors;

		long[] latencies = new long[1024];

		int count;

		Worker(URI uri, byte[] request, long measureFrom, long end, AtomicLong errors) {
			this.uri = uri;
			this.request = request;
			this.measureFrom = measureFrom;
			this.end = end;
			this.errors = errors;
		}

		/** Set by {@link #readResponse} when the server closes the connection after this answer. */
		boolean closing;

		@Override
		public void run() {
			while (System.nanoTime() < end) {
				// the server ends a keep-alive connection after so many requests: open the next one
				connection();
			}
		}

		private void connection() {
			try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
				socket.setTcpNoDelay(true);
				OutputStream out = socket.getOutputStream();
				InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
				closing = false;
				while (!closing) {
					long t0 = System.nanoTime();
					if (t0 >= end) {
						return;
					}
					out.write(request);
					out.flush();
					int status = readResponse(in);
					long t1 = System.nanoTime();
					if (status != 200) {
						errors.incrementAndGet();
					}
					else if (t0 >= measureFrom) {
						if (count == latencies.length) {
							latencies = Arrays.copyOf(latencies, count * 2);
						}
						latencies[count++] = t1 - t0;
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				if (errors.incrementAndGet() == 1) {
					System.err.println("first error: " + ex);
				}
				if (ex instanceof RuntimeException) {
					throw (RuntimeException) ex;
				}
			}
		}

		/** Reads one response (Content-Length or chunked body) and answers its status. */
		int readResponse(InputStream in) throws IOException {
			String status = line(in);
			int code = Integer.parseInt(status.split(" ")[1]);
			long length = -1;
			boolean chunked = false;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
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
				for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
						size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
					skip(in, size);
					line(in);
				}
				line(in);
			}
			else if (length > 0) {
				skip(in, length);
			}
			return code;
		}

		static void skip(InputStream in, long n) throws IOException {
			while (n > 0) {
				long skipped = in.skip(n);
				if (skipped <= 0) {
					if (in.read() < 0) {
						throw new IOException("closed");
					}
					skipped = 1;
				}
				n -= skipped;
			}
		}

		static String line(InputStream in) throws IOException {
			var text = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("closed");
				}
				if (c != '\r') {
					text.append((char) c);
				}
			}
			return text.toString();
		}
	}
}
