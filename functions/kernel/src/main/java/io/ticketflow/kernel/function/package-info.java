/**
 * How functions meet AWS Lambda under Spring Cloud Function's {@code FunctionInvoker}: shared beans
 * ({@link io.ticketflow.kernel.function.KernelBeans}), registration by catalogue name
 * ({@link io.ticketflow.kernel.function.FunctionBeans}) and the API Gateway adapter
 * ({@link io.ticketflow.kernel.function.ApiGatewayHttp}). {@code FunctionInvokerContractTest} pins the JSON.
 */
package io.ticketflow.kernel.function;
