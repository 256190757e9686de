/**
 * Event contracts only: the envelope, the type names and the JSON Schemas (top-level {@code events/schemas},
 * samples in {@code events/samples}). No behaviour lives here, so every module can depend on it.
 */
package io.ticketflow.events;
