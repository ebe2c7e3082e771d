/**
 * The HTTP edge of the shared kernel (internal): the one mapping of domain refusals, framework errors and database
 * failures to RFC 9457 problem+json ({@link org.wufei.gis.common.edge.ProblemHandler}), and the 404 for a direct
 * request to the error page. Nothing outside it calls these classes; Spring finds them.
 */
package org.wufei.gis.common.edge;
