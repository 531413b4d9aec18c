package io.cruddur.messaging.adapters.dynamodb;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pattern E on AWS Lambda, fed by the table's stream (see {@code src/main/sam/template.yaml}).
 * Reports a partial batch failure: the first record that failed, from which Lambda delivers the
 * batch again. Configured from the environment ({@code DDB_MESSAGE_TABLE}, {@code AWS_REGION});
 * the SDK client is built once per container.
 */
public final class StreamLambdaHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final ChangeBatchHandler handler;

    /** The constructor Lambda calls. */
    public StreamLambdaHandler() {
        this(Container.HANDLER);
    }

    public StreamLambdaHandler(ChangeBatchHandler handler) {
        this.handler = handler;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<ChangeRecord> records = event.getRecords().stream()
                .map(record -> new ChangeRecord(record.getEventName(), record.getDynamodb().getSequenceNumber(),
                        image(record.getDynamodb().getNewImage())))
                .toList();
        List<StreamsEventResponse.BatchItemFailure> failures = handler.handle(records).failedAt()
                .map(sequenceNumber -> List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)))
                .orElse(List.of());
        return new StreamsEventResponse(failures);
    }

    /** Message items hold strings only; other attribute kinds are not needed to read them. */
    private static Map<String, AttributeValue> image(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> lambdaImage) {
        Map<String, AttributeValue> image = new HashMap<>();
        if (lambdaImage != null) {
            lambdaImage.forEach((name, value) -> {
                if (value.getS() != null) {
                    image.put(name, AttributeValue.fromS(value.getS()));
                }
            });
        }
        return image;
    }

    /** Built on first use, once per Lambda container. */
    private static final class Container {
        private static final MessageStreamHandler HANDLER = create();

        private static MessageStreamHandler create() {
            DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(System.getenv());
            DynamoDbMessagingPort port = new DynamoDbMessagingPort(DynamoDbClients.dynamo(settings), settings.tableName());
            return new MessageStreamHandler(new RefreshMessageGroups(port));
        }
    }
}
