/**
 * Plot data computed from the engine's objects as plain immutable records, reused by every
 * renderer (the studio's JFreeChart panels, exports). Nothing here knows about JavaFX or charts.
 */
package io.parzen.visualization;
