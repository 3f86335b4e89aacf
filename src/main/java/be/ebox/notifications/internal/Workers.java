package be.ebox.notifications.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The threads of this instance: sender threads draining the outbox, alert threads turning due alerts into
 * e-mails and summary items, and one timer for the daily summary. Every piece of work is claimed in the database, so any number of instances may run
 * them side by side. Stopping lets each thread finish what it claimed (no e-mail is left SENDING by a restart).
 */
@Component
class Workers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Workers.class);

	private final MailDelivery delivery;

	private final AlertWorker alerts;

	private final DailySummary summary;

	private final NotificationProperties properties;

	private volatile boolean running;

	private ExecutorService threads;

	Workers(MailDelivery delivery, AlertWorker alerts, DailySummary summary, NotificationProperties properties) {
		this.delivery = delivery;
		this.alerts = alerts;
		this.summary = summary;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (!properties.workers()) {
			return;
		}
		running = true;
		var number = new AtomicInteger();
		threads = Executors.newFixedThreadPool(properties.senderThreads() + properties.alertThreads() + 1, task -> {
			var thread = new Thread(task, "notifications-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		for (int i = 0; i < properties.senderThreads(); i++) {
			threads.submit(() -> loop(() -> {
				if (delivery.deliverBatch() > 0) {
					return true;
				}
				delivery.sweepInterrupted();
				return false;
			}));
		}
		for (int i = 0; i < properties.alertThreads(); i++) {
			threads.submit(() -> loop(() -> alerts.handleDue() > 0));
		}
		threads.submit(() -> loop(() -> {
			summary.tick();
			return false;
		}));
	}

	private void loop(java.util.function.BooleanSupplier step) {
		while (running) {
			boolean busy;
			try {
				busy = step.getAsBoolean();
			}
			catch (RuntimeException ex) {
				log.warn("notification worker step failed, trying again later: {}", ex.toString());
				busy = false;
			}
			if (!busy && running) {
				try {
					Thread.sleep(properties.pollInterval().toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		running = false;
		if (threads != null) {
			threads.shutdown();
			try {
				threads.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
