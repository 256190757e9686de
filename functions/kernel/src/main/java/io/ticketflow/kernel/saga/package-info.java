/**
 * The errors a saga step may throw, named so the state machine's {@code Catch} can branch on them.
 *
 * <p>Step Functions sees a Java exception thrown by a Lambda function as its fully-qualified class name
 * (the Java runtime's {@code errorType}); the local emulator reports the same name ({@code TaskFailure.of}).
 * So these class names are part of the ASL contract: renaming or moving one breaks a {@code Catch}.
 * Plain Java, so domain code may throw them.
 */
package io.ticketflow.kernel.saga;
