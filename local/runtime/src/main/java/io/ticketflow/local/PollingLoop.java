package io.ticketflow.local;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poller's thread: runs one poll after another, backs off (doubling up to a ceiling) while polls find
 * nothing, and stops when asked. An exception in a poll is logged and retried after a pause; it never
 * ends the loop, as an event-source mapping keeps running through errors.
 */
final class PollingLoop implements AutoCloseable {

    /** One poll; returns whether it found work, which resets the back-off. */
    @FunctionalInterface
    interface Poll {
        boolean run() throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);
    private static final Duration FIRST_IDLE_PAUSE = Duration.ofMillis(25);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final Poll poll;
    private final Duration maxIdlePause;
    private final Thread thread;
    private volatile boolean running = true;

    PollingLoop(String name, Poll poll, Duration maxIdlePause) {
        this.name = name;
        this.poll = poll;
        this.maxIdlePause = maxIdlePause;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    PollingLoop start() {
        thread.start();
        return this;
    }

    private void loop() {
        long pauseMillis = FIRST_IDLE_PAUSE.toMillis();
        while (running) {
            try {
                if (poll.run()) {
                    pauseMillis = FIRST_IDLE_PAUSE.toMillis();
                } else {
                    Thread.sleep(pauseMillis);
                    pauseMillis = Math.min(pauseMillis * 2, maxIdlePause.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("{}: poll failed, retrying in {}: {}", name, ERROR_PAUSE, e.toString());
                try {
                    Thread.sleep(ERROR_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Asks the loop to end after its current poll, without waiting for it. */
    void stop() {
        running = false;
        thread.interrupt();
    }

    @Override
    public void close() {
        stop();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
