"""The calls the Cruddur bootcamp's week-5 boto3 scripts and its stream Lambda make, against an
endpoint given as the first argument: schema-load, list-tables, seed, scan, get-conversation,
list-conversations, the Lambda's update of group rows, drop. Exits non-zero on the first surprise."""
import sys
import uuid
from datetime import datetime, timedelta, timezone

import boto3

endpoint = sys.argv[1]
session = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="local", aws_secret_access_key="local")
client = boto3.client("dynamodb", **session)
table_name = "cruddur-messages-" + uuid.uuid4().hex[:8]

# schema-load: provisioned throughput, the group index, a stream of new images
client.create_table(
    TableName=table_name,
    AttributeDefinitions=[
        {"AttributeName": "message_group_uuid", "AttributeType": "S"},
        {"AttributeName": "pk", "AttributeType": "S"},
        {"AttributeName": "sk", "AttributeType": "S"},
    ],
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    GlobalSecondaryIndexes=[{
        "IndexName": "message-group-sk-index",
        "KeySchema": [{"AttributeName": "message_group_uuid", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "Projection": {"ProjectionType": "ALL"},
        "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
    }],
    BillingMode="PROVISIONED",
    ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
    StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
)
client.get_waiter("table_exists").wait(TableName=table_name)

# list-tables
assert table_name in client.list_tables()["TableNames"]

# seed: a group row for each member and the conversation's messages
group = str(uuid.uuid4())
me, other = str(uuid.uuid4()), str(uuid.uuid4())
now = datetime.now(timezone.utc)
for owner, counterpart, handle in ((me, other, "bayko"), (other, me, "andrewbrown")):
    client.put_item(TableName=table_name, Item={
        "pk": {"S": f"GRP#{owner}"}, "sk": {"S": now.isoformat()}, "message_group_uuid": {"S": group},
        "message": {"S": "the last message"}, "user_uuid": {"S": counterpart}, "user_display_name": {"S": handle},
        "user_handle": {"S": handle}})
for i in range(30):
    created = (now - timedelta(minutes=30 - i)).isoformat()
    client.put_item(TableName=table_name, Item={
        "pk": {"S": f"MSG#{group}"}, "sk": {"S": created}, "message_uuid": {"S": str(uuid.uuid4())},
        "message": {"S": f"message {i}"}, "user_uuid": {"S": me}, "user_display_name": {"S": "Andrew Brown"},
        "user_handle": {"S": "andrewbrown"}})

# scan, through the resource API
table = boto3.resource("dynamodb", **session).Table(table_name)
assert len(table.scan()["Items"]) == 32

# get-conversation: the newest 20 of the year, newest first, with the capacity it cost
year = str(now.year)
conversation = client.query(
    TableName=table_name, KeyConditionExpression="pk = :pk AND begins_with(sk,:year)",
    ExpressionAttributeValues={":pk": {"S": f"MSG#{group}"}, ":year": {"S": year}},
    ScanIndexForward=False, Limit=20, ReturnConsumedCapacity="TOTAL")
assert [item["message"]["S"] for item in conversation["Items"]][:2] == ["message 29", "message 28"]
assert conversation["ConsumedCapacity"]["CapacityUnits"] > 0

# list-conversations: one member's group rows
groups = client.query(
    TableName=table_name, KeyConditionExpression="pk = :pk AND begins_with(sk,:year)",
    ExpressionAttributeValues={":pk": {"S": f"GRP#{me}"}, ":year": {"S": year}},
    ScanIndexForward=False, Limit=20, ReturnConsumedCapacity="TOTAL")
assert groups["Items"][0]["user_handle"]["S"] == "bayko"

# the stream Lambda: find the group's rows through the index, then replace each one
rows = table.query(
    IndexName="message-group-sk-index",
    KeyConditionExpression=boto3.dynamodb.conditions.Key("message_group_uuid").eq(group))["Items"]
assert len(rows) == 2
later = (now + timedelta(seconds=1)).isoformat()
for row in rows:
    table.delete_item(Key={"pk": row["pk"], "sk": row["sk"]})
    table.put_item(Item={**row, "sk": later, "message": "message 30"})
moved = table.query(
    IndexName="message-group-sk-index",
    KeyConditionExpression=boto3.dynamodb.conditions.Key("message_group_uuid").eq(group))["Items"]
assert {row["sk"] for row in moved} == {later} and {row["message"] for row in moved} == {"message 30"}

# drop
client.delete_table(TableName=table_name)
assert table_name not in client.list_tables()["TableNames"]
print("the bootcamp's boto3 calls passed")
