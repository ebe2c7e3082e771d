package org.wufei.gis.detections;

import org.wufei.gis.triage.Triage;

/**
 * Where a running batch's accepted detections go, inside the batch's transaction: rows are handed over one by one
 * and are all in the detection table (uncommitted) once {@link #complete()} returns. One per run.
 *
 * @param <R> a detection as the writer prepared it before its verdict (for COPY, the row's encoded bytes)
 */
public interface DetectionWriter<R> extends AutoCloseable {

    /**
     * Does what does not depend on the verdict, on the run's reading thread ahead of the judging (so the batch's
     * thread, the slower of the two, is spared it). Called from one thread, concurrently with {@link #add}; it must
     * not touch what {@code add} uses. Detections prepared and then merged away are never added.
     */
    R prepare(NewDetection detection);

    /** Hands over a kept detection, in file order, with its verdict. */
    void add(R prepared, Triage.Verdict verdict);

    /** Sends what is still buffered and moves the rows to where they are read from. */
    void complete();

    /** Gives up whatever is unfinished (the batch's transaction is then rolled back); harmless after complete. */
    @Override
    void close();
}
