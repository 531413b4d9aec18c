package io.cruddur.messaging.benchmarks.load;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbMessagingPort;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.TableAdmin;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.IsoTime;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.DoubleAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Write units per message, as DynamoDB reports them ({@code ReturnConsumedCapacity}), for this
 * adapter's writes (a send: a message and its id in one transaction; a start: pair, id, message and
 * both rows in one; a refresh of group rows: both rows moved in one) beside the reference design's
 * (a send: one {@code PutItem}; a start: a {@code BatchWriteItem} of the message and both rows; a
 * refresh: a delete and a put per row), on a table of its own and with short messages. The lines
 * are labelled with the README's letters (C, D, E), as docs/benchmarks.md quotes them.
 */
@Command(name = "write-units", mixinStandardHelpOptions = true,
        description = "Write units per message of a send, a start and a refresh of group rows, ours and the"
                + " reference's. Prints: UNITS <C|D|E> <ours> <reference>")
final class WriteUnits implements Callable<Integer> {

    @Option(names = "--endpoint", required = true, description = "DynamoDB's address, e.g. http://127.0.0.1:5600")
    URI endpoint;

    @Option(names = "--messages", defaultValue = "20", description = "messages per pattern (default: ${DEFAULT-VALUE})")
    int messages;

    private final DoubleAdder units = new DoubleAdder();

    @Override
    public Integer call() {
        String table = "write-units-" + UUID.randomUUID();
        DynamoDbSettings settings = DynamoDbSettings.local(endpoint, table);
        DynamoDbClient dynamo = DynamoDbClients.dynamo(settings, new CapacityCounter());
        new TableAdmin(dynamo).createTable(table, TableAdmin.Billing.ON_DEMAND, false);
        DynamoDbMessagingPort port = new DynamoDbMessagingPort(dynamo, table);
        RefreshMessageGroups refresh = new RefreshMessageGroups(port);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        double d = 0;
        double c = 0;
        double e = 0;
        for (int i = 0; i < messages; i++) {
            User andrew = user("andrew" + i);
            User bayko = user("bayko" + i);
            Message first = message(new MessageGroupId(UUID.randomUUID()), andrew, now);
            d += measure(() -> port.startConversation(new NewConversation(andrew, bayko, first)));
            refresh.handle(List.of(first));
            Message reply = message(first.groupId(), bayko, now.plusSeconds(1));
            c += measure(() -> port.appendMessage(reply));
            e += measure(() -> refresh.handle(List.of(reply)));
        }
        double referenceD = 0;
        double referenceC = 0;
        double referenceE = 0;
        for (int i = 0; i < messages; i++) {
            String group = UUID.randomUUID().toString();
            User andrew = user("andrew" + i);
            User bayko = user("bayko" + i);
            referenceD += measure(() -> dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of(table,
                    List.of(put(messageItem(group, andrew, now)), put(rowItem(andrew, bayko, group, now)),
                            put(rowItem(bayko, andrew, group, now))))).build()));
            referenceC += measure(() -> dynamo.putItem(PutItemRequest.builder().tableName(table)
                    .item(messageItem(group, bayko, now.plusSeconds(1))).build()));
            referenceE += measure(() -> {
                for (User[] row : new User[][] {{andrew, bayko}, {bayko, andrew}}) {
                    dynamo.deleteItem(DeleteItemRequest.builder().tableName(table)
                            .key(Map.of("pk", s("GRP#" + row[0].id()), "sk", s(IsoTime.format(now)))).build());
                    dynamo.putItem(PutItemRequest.builder().tableName(table)
                            .item(rowItem(row[0], row[1], group, now.plusSeconds(1))).build());
                }
            });
        }
        System.out.printf("UNITS C %.1f %.1f%n", c / messages, referenceC / messages);
        System.out.printf("UNITS D %.1f %.1f%n", d / messages, referenceD / messages);
        System.out.printf("UNITS E %.1f %.1f%n", e / messages, referenceE / messages);
        new TableAdmin(dynamo).dropTable(table);
        return 0;
    }

    private double measure(Runnable writes) {
        double before = units.sum();
        writes.run();
        return units.sum() - before;
    }

    private static User user(String handle) {
        return new User(new UserId(UUID.randomUUID()), new Handle(handle), "Display " + handle);
    }

    private static Message message(MessageGroupId group, User sender, Instant at) {
        return new Message(new MessageId(UUID.randomUUID()), group, sender, new MessageText("Are you there?"), at);
    }

    private static Map<String, AttributeValue> messageItem(String group, User sender, Instant at) {
        return Map.of("pk", s("MSG#" + group), "sk", s(IsoTime.format(at)), "message_uuid", s(UUID.randomUUID().toString()),
                "message", s("Are you there?"), "user_uuid", s(sender.id().toString()),
                "user_display_name", s(sender.displayName()), "user_handle", s(sender.handle().value()));
    }

    private static Map<String, AttributeValue> rowItem(User owner, User other, String group, Instant at) {
        return Map.of("pk", s("GRP#" + owner.id()), "sk", s(IsoTime.format(at)), "message_group_uuid", s(group),
                "message", s("Are you there?"), "user_uuid", s(other.id().toString()),
                "user_display_name", s(other.displayName()), "user_handle", s(other.handle().value()));
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** Asks every write for its consumed capacity and adds up the write units reported. */
    private final class CapacityCounter implements ExecutionInterceptor {
        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof TransactWriteItemsRequest transact) {
                return transact.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            }
            if (request instanceof PutItemRequest put) {
                return put.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            }
            if (request instanceof DeleteItemRequest delete) {
                return delete.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            }
            if (request instanceof BatchWriteItemRequest batch) {
                return batch.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            }
            return request;
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            SdkResponse response = context.response();
            List<ConsumedCapacity> consumed = List.of();
            if (response instanceof TransactWriteItemsResponse transact) {
                consumed = transact.consumedCapacity();
            } else if (response instanceof PutItemResponse put) {
                consumed = Optional.ofNullable(put.consumedCapacity()).map(List::of).orElse(List.of());
            } else if (response instanceof DeleteItemResponse delete) {
                consumed = Optional.ofNullable(delete.consumedCapacity()).map(List::of).orElse(List.of());
            } else if (response instanceof BatchWriteItemResponse batch) {
                consumed = batch.consumedCapacity();
            }
            consumed.forEach(capacity -> units.add(Optional.ofNullable(capacity.writeCapacityUnits())
                    .orElse(Optional.ofNullable(capacity.capacityUnits()).orElse(0.0))));
        }
    }
}
