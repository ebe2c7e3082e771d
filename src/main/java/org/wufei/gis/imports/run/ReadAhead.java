package org.wufei.gis.imports.run;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Runs the first stage of a pipeline on a thread of its own: {@code step} is applied while the source has more, and
 * its results reach {@link #next()} in order, in chunks, through a short bounded queue, so at most a few thousand
 * results wait and memory stays flat. An exception from the source or the step is thrown by {@code next()} after
 * the results before it. {@link #close()} stops the thread and waits for it, so the source is never used by two
 * threads at once or after its owner closed it.
 */
public final class ReadAhead<T> implements AutoCloseable {
    private static final int CHUNK = 256;
    private static final int CHUNKS_AHEAD = 8;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private List<T> chunk = List.of();
    private int position;
    private boolean ended;

    /**
     * @param afterChunk run on the reading thread after each chunk (to note how far the source has got)
     */
    public <S> ReadAhead(Iterator<S> source, Function<Iterator<S>, T> step, Runnable afterChunk, String threadName) {
        thread = new Thread(() -> produce(source, step, afterChunk), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private <S> void produce(Iterator<S> source, Function<Iterator<S>, T> step, Runnable afterChunk) {
        Object last = END;
        List<T> out = new ArrayList<>(CHUNK);
        try {
            try {
                while (!closed && source.hasNext()) {
                    out.add(step.apply(source));
                    if (out.size() == CHUNK) {
                        afterChunk.run();
                        queue.put(out);
                        out = new ArrayList<>(CHUNK);
                    }
                }
                afterChunk.run();
            } catch (RuntimeException | Error e) {
                last = e; // after the results read before it
            }
            if (!out.isEmpty()) {
                queue.put(out);
            }
            queue.put(last);
        } catch (InterruptedException e) {
            // closed: nobody reads any more
        }
    }

    /** The next result in order, or null after the last; rethrows what stopped the reading thread. */
    @SuppressWarnings("unchecked")
    public T next() {
        while (position == chunk.size()) {
            if (ended) {
                return null;
            }
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading ahead", e);
            }
            if (o == END) {
                ended = true;
                return null;
            }
            if (o instanceof RuntimeException e) {
                ended = true;
                throw e;
            }
            if (o instanceof Error e) {
                ended = true;
                throw e;
            }
            chunk = (List<T>) o;
            position = 0;
        }
        return chunk.get(position++);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
