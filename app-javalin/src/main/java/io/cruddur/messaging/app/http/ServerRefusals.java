package io.cruddur.messaging.app.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers Jetty gives before any route runs (a request line, header or body it cannot take) in the
 * API's own form: a JSON array of one stable code, with the security headers every answer carries.
 */
final class ServerRefusals implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer given ? given : response.getStatus();
        answer(response, callback, status, ApiErrors.code(status));
        return true;
    }

    static void answer(Response response, Callback callback, int status, String code) {
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        HttpApi.SECURITY_HEADERS.forEach(headers::put);
        response.write(true, ByteBuffer.wrap(("[\"" + code + "\"]").getBytes(StandardCharsets.UTF_8)), callback);
    }
}
