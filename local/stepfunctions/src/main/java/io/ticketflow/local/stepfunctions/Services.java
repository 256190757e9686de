package io.ticketflow.local.stepfunctions;

import java.util.concurrent.ExecutorService;

/** What the interpreter's parts share: time, the function invoker, the threads, the task tokens. */
record Services(TimeSource time, TaskInvoker invoker, ExecutorService executor, TaskTokens tokens, String region) {
}
