/**
 * HTTP as a domain action sees it, free of any cloud's types: {@link io.ticketflow.kernel.http.HttpRequest} in,
 * {@link io.ticketflow.kernel.http.HttpEndpoint} around the action. The Lambda adapter lives in
 * {@code io.ticketflow.kernel.function}.
 */
package io.ticketflow.kernel.http;
