package be.ebox.messages.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The threads that publish bulk jobs on this instance: each takes the next pending chunk until none is left, then
 * waits for a job started here or polls the database for one started on another instance. Nothing is kept in
 * memory that the database does not hold: stopping (or killing) an instance loses at most the uncommitted chunk,
 * which is taken again.
 */
@Component
@ConditionalOnWebApplication // not in the command-line modes (e.g. a registry import), which end when their work does
class BulkWorkers implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(BulkWorkers.class);

	private final ChunkPublisher publisher;

	private final int count;

	private final long pollMillis;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition work = lock.newCondition();

	private final List<Thread> threads = new ArrayList<>();

	private final long graceMillis;

	private volatile boolean running;

	BulkWorkers(ChunkPublisher publisher, @Value("${ebox.bulk.workers:2}") int count,
			@Value("${ebox.bulk.poll-interval:5s}") java.time.Duration pollInterval,
			@Value("${ebox.bulk.stop-grace:10s}") java.time.Duration stopGrace) {
		this.publisher = publisher;
		this.count = count;
		this.pollMillis = pollInterval.toMillis();
		this.graceMillis = stopGrace.toMillis();
	}

	@TransactionalEventListener
	void queued(BulkStart.Queued job) {
		wake();
	}

	void wake() {
		lock.lock();
		try {
			work.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < count; i++) {
			Thread thread = new Thread(this::work, "bulk-publication-" + (i + 1));
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
	}

	private void work() {
		while (running) {
			try {
				if (!publisher.publishNextChunk()) {
					idle(pollMillis);
				}
			}
			catch (RuntimeException ex) {
				if (!running) {
					return;
				}
				// e.g. the database is unreachable: the chunk rolled back and will be taken again
				LOG.warn("Bulk publication chunk failed, retrying later: {}", ex.toString());
				idle(pollMillis);
			}
		}
	}

	private void idle(long millis) {
		lock.lock();
		try {
			if (running) {
				work.await(millis, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void stop() {
		running = false;
		wake();
		long deadline = System.currentTimeMillis() + graceMillis;
		try {
			for (Thread thread : threads) {
				// a chunk in progress may finish within the grace period; after it, it is interrupted (and rolled back)
				long left = deadline - System.currentTimeMillis();
				if (left > 0) {
					thread.join(left);
				}
				if (thread.isAlive()) {
					thread.interrupt();
					thread.join(1000);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// stops before the web server and the data source
		return Integer.MAX_VALUE - 100;
	}
}
