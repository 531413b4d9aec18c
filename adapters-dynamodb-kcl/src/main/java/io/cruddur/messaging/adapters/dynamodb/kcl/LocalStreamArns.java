package io.cruddur.messaging.adapters.dynamodb.kcl;

import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;

/**
 * DynamoDB Local names its streams in the pseudo-region {@code ddblocal}, which the Streams
 * Kinesis Adapter refuses ("Invalid DynamoDB stream ARN format"). So the KCL is given the ARN in
 * the client's region, and this interceptor, on the streams client only, puts {@code ddblocal}
 * back into the two requests that carry a stream ARN. Against AWS it is not installed.
 */
final class LocalStreamArns implements ExecutionInterceptor {
    static final String LOCAL_REGION = "ddblocal";
    private static final Pattern REGION = Pattern.compile("^(arn:aws[^:]*:dynamodb:)([^:]+):");

    static boolean isLocal(String streamArn) {
        var matcher = REGION.matcher(streamArn);
        return matcher.find() && LOCAL_REGION.equals(matcher.group(2));
    }

    static String inRegion(String streamArn, String region) {
        return REGION.matcher(streamArn).replaceFirst("$1" + region + ":");
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof DescribeStreamRequest describe) {
            return describe.toBuilder().streamArn(inRegion(describe.streamArn(), LOCAL_REGION)).build();
        }
        if (request instanceof GetShardIteratorRequest iterator) {
            return iterator.toBuilder().streamArn(inRegion(iterator.streamArn(), LOCAL_REGION)).build();
        }
        return request;
    }
}
