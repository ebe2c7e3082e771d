/**
 * The zero-waste city indicators (无废城市指标, the plan's annex 1) that the register can measure, defined as data in
 * {@code gis-data/indicators.yml} and computed live, as of any past date (replayed from {@code status_event}) and per
 * township. Reads the register's tables with SQL (not the sites module); uses {@code analysis} only for the straw
 * coverage rule ({@code StrawCoverageRule}). {@link CoverageSource} is the pluggable provider behind coverage
 * indicators.
 */
@ApplicationModule(allowedDependencies = {"analysis", "common"})
package org.wufei.gis.indicators;

import org.springframework.modulith.ApplicationModule;
