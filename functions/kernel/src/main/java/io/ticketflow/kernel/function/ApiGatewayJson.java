package io.ticketflow.kernel.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of an API Gateway HTTP API invocation (payload format 2.0). Its names are plain camelCase, so
 * Jackson 3 reads it without the Lambda runtime's serialization library, keeping that library (shaded
 * Jackson 2) off the HTTP cold-start path.
 */
final class ApiGatewayJson {

    // Its own tolerant mapper: API Gateway adds event fields over time, whatever a service does to "jsonMapper".
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    APIGatewayV2HTTPEvent read(InputStream event) {
        return json.readValue(event, APIGatewayV2HTTPEvent.class);
    }

    /**
     * The Lambda proxy response with no null members (as the Lambda runtime writes one for a
     * {@code RequestHandler}); headers sorted so that equal responses are equal bytes.
     */
    byte[] write(APIGatewayV2HTTPResponse response) {
        ObjectNode out = json.createObjectNode();
        out.put("statusCode", response.getStatusCode());
        ObjectNode headers = out.putObject("headers");
        new TreeMap<>(response.getHeaders() == null ? Map.<String, String>of() : response.getHeaders())
                .forEach(headers::put);
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            response.getCookies().forEach(out.putArray("cookies")::add);
        }
        out.put("body", response.getBody() == null ? "" : response.getBody());
        out.put("isBase64Encoded", response.getIsBase64Encoded());
        return json.writeValueAsBytes(out);
    }
}
