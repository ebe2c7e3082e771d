/**
 * One batch's run: reading features ahead on a thread of their own, normalising and judging them, writing them
 * through the detection writer, and the errors kept for the batch. Internal to the imports module.
 */
package org.wufei.gis.imports.run;
