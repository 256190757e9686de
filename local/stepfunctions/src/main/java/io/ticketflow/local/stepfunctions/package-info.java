/**
 * A local AWS Step Functions for ticketflow: runs Amazon States Language (STANDARD workflows, JSONPath mode) in
 * one JVM, with Task states calling Java functions in-process.
 *
 * <p>Public API: {@link io.ticketflow.local.stepfunctions.StepFunctionsEmulator} (the Step Functions operations,
 * plus {@code awaitCompletion} and {@code stateTransitions} for tests and benchmarks),
 * {@link io.ticketflow.local.stepfunctions.TaskInvoker} and {@link io.ticketflow.local.stepfunctions.TaskFailure}
 * (how Lambda functions are called and fail), {@link io.ticketflow.local.stepfunctions.StepFunctionsHttpEndpoint}
 * (the JSON 1.0 protocol for {@code SfnClient}), {@link io.ticketflow.local.stepfunctions.TimeSource} and
 * {@link io.ticketflow.local.stepfunctions.ManualTimeSource}, and the value types they return. Everything else in
 * this package is package-private; the {@code asl} and {@code json} packages are internal.
 */
package io.ticketflow.local.stepfunctions;
