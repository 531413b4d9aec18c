package io.cruddur.messaging.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.cruddur.messaging.adapters.dynamodb.stream.ChangeBatchHandler;
import io.cruddur.messaging.adapters.dynamodb.stream.ChangeRecord;
import io.cruddur.messaging.adapters.dynamodb.stream.MessageStreamHandler;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.NewMessageHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The refresh of group rows on AWS Lambda, fed by the table's stream (see {@code src/main/sam/template.yaml}):
 * the function's invocations are this deployment's {@link NewMessageFeed}, each one a batch of
 * new messages for the handler the feed was started with. Reports a partial batch
 * failure, the first record that failed, from which Lambda delivers the batch again. With
 * {@code CONNECTION_URL} set it publishes news of the rows it moved on the hosts' PostgreSQL bus,
 * and waits for it to be sent before returning (a returned invocation may be frozen). Configured
 * from the environment ({@code DDB_MESSAGE_TABLE}, {@code AWS_REGION}, {@code CONNECTION_URL});
 * {@link LambdaContainer} builds the clients once per container.
 */
public final class StreamLambdaHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, NewMessageFeed {
    private static final Logger LOG = LoggerFactory.getLogger(StreamLambdaHandler.class);
    private static final Duration NEWS_FLUSH_TIMEOUT = Duration.ofSeconds(2);

    private final Runnable afterBatch;
    private volatile ChangeBatchHandler handler;

    /** The constructor Lambda calls: the container's group rows use case, news published after each batch. */
    public StreamLambdaHandler() {
        this(() -> flushNews(OnePerContainer.INSTANCE));
        start(OnePerContainer.INSTANCE.refresh());
    }

    /** A feed not started yet; {@code afterBatch} runs once each batch is handled, before the invocation returns. */
    public StreamLambdaHandler(Runnable afterBatch) {
        this.afterBatch = afterBatch;
    }

    @Override
    public void start(NewMessageHandler newMessages) {
        if (handler == null) {
            handler = new MessageStreamHandler(newMessages);
        }
    }

    @Override
    public void close() {
        handler = null;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        ChangeBatchHandler started = handler;
        if (started == null) {
            throw new IllegalStateException("the feed was not started");
        }
        List<ChangeRecord> records = event.getRecords().stream()
                .map(record -> new ChangeRecord(record.getEventName(), record.getDynamodb().getSequenceNumber(),
                        image(record.getDynamodb().getNewImage())))
                .toList();
        List<StreamsEventResponse.BatchItemFailure> failures = started.handle(records).failedAt()
                .map(sequenceNumber -> List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)))
                .orElse(List.of());
        afterBatch.run();
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
    private static final class OnePerContainer {
        private static final LambdaContainer INSTANCE = LambdaContainer.from(System.getenv());
    }

    /** Waits for the batch's news to be sent: a returned invocation may be frozen before it is. */
    static void flushNews(LambdaContainer container) {
        container.news().ifPresent(bus -> {
            if (!bus.flush(NEWS_FLUSH_TIMEOUT)) {
                LOG.warn("news of this batch was not all sent within {} s", NEWS_FLUSH_TIMEOUT.toSeconds());
            }
        });
    }
}
