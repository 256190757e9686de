/**
 * RFC 9457 problem types and the exception domain code throws to end a request with one. Plain Java, so
 * any service's domain package may use it (checked by {@code KernelLayeringTest}).
 */
package io.ticketflow.kernel.problem;
