package org.wufei.gis.imports;

/**
 * Where a running batch's accepted detections go, inside the batch's transaction: rows are handed over one by one
 * and are all in the detection table (uncommitted) once {@link #complete()} returns. One per run.
 */
interface DetectionWriter extends AutoCloseable {

    void add(NewDetection detection);

    /** Sends what is still buffered and moves the rows to where they are read from. */
    void complete();

    /** Gives up whatever is unfinished (the batch's transaction is then rolled back); harmless after complete. */
    @Override
    void close();
}
