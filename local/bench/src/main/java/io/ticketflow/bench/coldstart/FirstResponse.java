package io.ticketflow.bench.coldstart;

import io.ticketflow.kernel.function.InvocationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cold-start child: what Lambda's Java runtime does for the first event of a fresh sandbox — create the
 * handler ({@code FunctionInvoker}, which starts {@code MAIN_CLASS}) and pass it one event — then prints a
 * marker for the parent, which times spawn → marker, and exits.
 *
 * <p>Arguments: the function name and a file holding the event JSON.
 */
public final class FirstResponse {

    public static final String MARKER = "TICKETFLOW_FIRST_RESPONSE";

    private FirstResponse() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        FunctionInvoker handler = new FunctionInvoker(args[0]);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), response, InvocationContext.of(args[0], 30));
        int status = JsonMapper.builder().build().readTree(response.toByteArray()).path("statusCode").asInt(-1);
        System.out.println(MARKER + " status=" + status + " uptimeMs=" + ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.flush();
        // a dynamic CDS archive is written here, at exit, when the training run asks for one
        System.exit(0);
    }
}
